import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-access-keys-exist.js';
import { ruleTester } from '../support/rule-tester.js';
import { auditedRoot, oneAccount, ROOT_ARN } from './support/snapshots.js';

const rootKey = (active: boolean) => ({
  slot: 1 as const,
  active,
  lastRotated: null,
  lastUsedDate: null,
  lastUsedService: null,
});

ruleTester(rule, {
  valid: [
    { name: 'no root keys', snapshot: oneAccount({ root: aRoot() }) },
    {
      name: 'the audit (direct answer) overrides a stale report slot',
      snapshot: oneAccount({ root: aRoot({ accessKeys: [rootKey(true)] }) }, auditedRoot()),
    },
  ],
  invalid: [
    {
      name: 'keys listed by the AssumeRoot audit',
      snapshot: oneAccount(
        { root: aRoot() },
        auditedRoot({
          accessKeys: [
            {
              accessKeyId: 'AKIAROOT1',
              status: 'Active' as const,
              createDate: null,
              lastUsedDate: '2026-11-28T00:00:00.000Z',
              lastUsedService: 'iam',
            },
            {
              ...{
                accessKeyId: 'AKIAROOT1',
                status: 'Active' as const,
                createDate: null,
                lastUsedDate: '2026-11-28T00:00:00.000Z',
                lastUsedService: 'iam',
              },
              accessKeyId: 'AKIAROOT2',
              status: 'Inactive' as const,
            },
          ],
        }),
      ),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'critical',
          messageId: 'rootKeysAudit',
          data: { accountId: '111111111111', keys: 2, active: 1 },
        },
      ],
    },
    {
      name: 'active root key',
      snapshot: oneAccount({ root: aRoot({ accessKeys: [rootKey(true)] }) }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'critical',
          messageId: 'rootKeys',
          data: { accountId: '111111111111', keys: 1, active: 1 },
        },
      ],
    },
    {
      name: 'inactive root key',
      snapshot: oneAccount({ root: aRoot({ accessKeys: [rootKey(false)] }) }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'high',
          messageId: 'rootKeys',
          data: { accountId: '111111111111', keys: 1, active: 0 },
        },
      ],
    },
    {
      name: 'still reported with centralized root access enabled',
      snapshot: oneAccount(
        { root: aRoot({ accessKeys: [rootKey(true)] }) },
        { centralizedRoot: { rootCredentialsManagement: true, rootSessions: true } },
      ),
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'rootKeys',
          data: { accountId: '111111111111', keys: 1, active: 1 },
        },
      ],
    },
  ],
});
