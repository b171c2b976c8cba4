import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-used-recently.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, ROOT_ARN } from './support/snapshots.js';

ruleTester(rule, {
  valid: [
    { name: 'never used', snapshot: oneAccount({ root: aRoot() }) },
    {
      name: 'used 91 days ago',
      snapshot: oneAccount({ root: aRoot({ passwordLastUsed: '2026-09-01T00:00:00.000Z' }) }),
    },
    {
      name: 'window shortened',
      snapshot: oneAccount({ root: aRoot({ passwordLastUsed: '2026-11-01T00:00:00.000Z' }) }),
      options: { withinDays: 7 },
    },
  ],
  invalid: [
    {
      name: 'console sign-in 5 days ago',
      snapshot: oneAccount({ root: aRoot({ passwordLastUsed: '2026-11-26T00:00:00.000Z' }) }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'high',
          messageIncludes: 'used 5 days ago with its console password',
        },
      ],
    },
    {
      name: 'root key used recently',
      snapshot: oneAccount({
        root: aRoot({
          accessKeys: [
            {
              slot: 2,
              active: true,
              lastRotated: null,
              lastUsedDate: '2026-11-21T00:00:00.000Z',
              lastUsedService: 's3',
            },
          ],
        }),
      }),
      findings: [{ resourceArn: ROOT_ARN, messageIncludes: 'access key 2' }],
    },
  ],
});
