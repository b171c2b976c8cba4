import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-access-keys-exist.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, ROOT_ARN } from './support/snapshots.js';

const rootKey = (active: boolean) => ({
  slot: 1 as const,
  active,
  lastRotated: null,
  lastUsedDate: null,
  lastUsedService: null,
});

ruleTester(rule, {
  valid: [{ name: 'no root keys', snapshot: oneAccount({ root: aRoot() }) }],
  invalid: [
    {
      name: 'active root key',
      snapshot: oneAccount({ root: aRoot({ accessKeys: [rootKey(true)] }) }),
      findings: [
        { resourceArn: ROOT_ARN, severity: 'critical', messageIncludes: '1 access key(s), 1 active' },
      ],
    },
    {
      name: 'inactive root key',
      snapshot: oneAccount({ root: aRoot({ accessKeys: [rootKey(false)] }) }),
      findings: [{ resourceArn: ROOT_ARN, severity: 'high' }],
    },
    {
      name: 'still reported with centralized root access enabled',
      snapshot: oneAccount(
        { root: aRoot({ accessKeys: [rootKey(true)] }) },
        { centralizedRoot: { rootCredentialsManagement: true, rootSessions: true } },
      ),
      findings: [{ resourceArn: ROOT_ARN }],
    },
  ],
});
