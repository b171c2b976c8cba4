import { aRoot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-mfa-disabled.js';
import { ruleTester } from '../support/rule-tester.js';
import {
  auditedRoot,
  oneAccount,
  ROOT_ARN,
  ROOT_FROM_SUMMARY,
  ROOT_ROW_MISSING,
} from './support/snapshots.js';

const noCredentials = { passwordEnabled: false, mfaActive: false, mfaKind: 'none' as const };

ruleTester(rule, {
  valid: [
    { name: 'root with MFA', snapshot: oneAccount({ root: aRoot() }) },
    {
      name: 'not applicable: root has no credentials at all',
      snapshot: oneAccount({ root: aRoot(noCredentials) }),
    },
    {
      name: 'password not reported, account summary says none',
      snapshot: oneAccount({
        root: aRoot({ ...noCredentials, passwordEnabled: null }),
        accountSummary: { AccountPasswordPresent: 0 },
      }),
    },
    {
      name: 'no report row, the audit says root holds nothing: decided, not unknown',
      snapshot: oneAccount({ root: ROOT_FROM_SUMMARY, accountSummary: {} }, auditedRoot()),
    },
    {
      name: 'the audit finds an MFA device the inventory did not show',
      snapshot: oneAccount(
        { root: aRoot({ mfaActive: false, mfaKind: 'none' }) },
        auditedRoot({
          passwordPresent: true,
          mfaDevices: [{ serialNumber: 'GAHT12345678', enableDate: null }],
        }),
      ),
    },
  ],
  invalid: [
    {
      name: 'password, no MFA',
      snapshot: oneAccount({ root: aRoot({ mfaActive: false, mfaKind: 'none' }) }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'critical',
          messageId: 'noMfa',
          data: { accountId: '111111111111', credentials: 'a password' },
        },
      ],
    },
    {
      name: 'password unknown but root has an access key: the key is evidence enough',
      snapshot: oneAccount({
        root: aRoot({
          passwordEnabled: null,
          mfaActive: false,
          mfaKind: 'none',
          accessKeys: [
            { slot: 1, active: true, lastRotated: null, lastUsedDate: null, lastUsedService: null },
          ],
        }),
        accountSummary: {},
      }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'critical',
          messageId: 'noMfa',
          data: {
            accountId: '111111111111',
            credentials: 'possibly a password (not reported), 1 access key(s)',
          },
        },
      ],
    },
    {
      name: 'no report row: the audit says there is a password and no MFA',
      snapshot: oneAccount(
        { root: ROOT_FROM_SUMMARY, accountSummary: {} },
        auditedRoot({ passwordPresent: true }),
      ),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'critical',
          messageId: 'noMfaAudit',
          data: { accountId: '111111111111', credentials: 'a password' },
        },
      ],
    },
  ],
  unknown: [
    {
      // moto, and any account whose credential report lacks the root row: no evidence, no critical finding.
      ...ROOT_ROW_MISSING,
      name: 'no credential-report root row and nothing else held: unknown, not critical',
    },
  ],
});
