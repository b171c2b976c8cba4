import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-used-recently.js';
import { ruleTester } from '../support/rule-tester.js';
import {
  auditedRoot,
  oneAccount,
  ROOT_ARN,
  ROOT_FROM_SUMMARY,
  ROOT_ROW_MISSING,
} from './support/snapshots.js';

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
    {
      name: 'no report row, but the AssumeRoot audit says root was not used recently',
      snapshot: oneAccount(
        { root: ROOT_FROM_SUMMARY, accountSummary: {} },
        auditedRoot({ passwordPresent: true, passwordLastUsed: '2025-01-01T00:00:00.000Z' }),
      ),
    },
  ],
  unknown: [
    {
      ...ROOT_ROW_MISSING,
      name: 'no credential-report root row and no audit: last use unknown, never a silent pass',
      reasonIncludes: 'root’s last use is not known',
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
          messageId: 'usedRecently',
          data: { accountId: '111111111111', days: 5, how: 'console password', withinDays: 90 },
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
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'usedRecently',
          data: { accountId: '111111111111', days: 10, how: 'access key 2', withinDays: 90 },
        },
      ],
    },
    {
      name: 'no report row: the AssumeRoot audit gives the key last use',
      snapshot: oneAccount(
        { root: ROOT_FROM_SUMMARY, accountSummary: {} },
        auditedRoot({
          accessKeys: [
            {
              accessKeyId: 'AKIAROOT1',
              status: 'Active' as const,
              createDate: null,
              lastUsedDate: '2026-11-28T00:00:00.000Z',
              lastUsedService: 'iam',
            },
          ],
        }),
      ),
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'usedRecently',
          data: { accountId: '111111111111', days: 3, how: 'access key AKIAROOT1', withinDays: 90 },
        },
      ],
    },
  ],
});
