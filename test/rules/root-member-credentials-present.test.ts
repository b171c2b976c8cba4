import { anAccount, anIamSlice, aRoot, aSnapshot } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/root-member-credentials-present.js';
import { ruleTester } from '../support/rule-tester.js';
import {
  auditedRoot,
  oneAccount,
  ROOT_ARN,
  ROOT_FROM_SUMMARY,
  ROOT_ROW_MISSING,
} from './support/snapshots.js';

const enabled = { centralizedRoot: { rootCredentialsManagement: true, rootSessions: true } };
const noCredentials = aRoot({ passwordEnabled: false, mfaActive: false, mfaKind: 'none' });

ruleTester(rule, {
  valid: [
    { name: 'member root without any credential', snapshot: oneAccount({ root: noCredentials }) },
    {
      name: 'the management account keeps its root',
      snapshot: aSnapshot({
        managementAccountId: '111111111111',
        accounts: [anAccount({ iam: anIamSlice({ root: aRoot() }) })],
      }),
    },
    {
      name: 'feature enabled and the audit confirms nothing is left (report row missing)',
      snapshot: oneAccount({ root: ROOT_FROM_SUMMARY, accountSummary: {} }, auditedRoot()),
    },
  ],
  invalid: [
    {
      name: 'feature disabled, member root has password and MFA',
      snapshot: oneAccount({ root: aRoot() }),
      findings: [
        {
          resourceArn: ROOT_ARN,
          severity: 'medium',
          messageId: 'holdsNotCentralized',
          data: { accountId: '111111111111', credentials: 'a password, an MFA device' },
        },
      ],
    },
    {
      name: 'feature enabled but credentials remain',
      snapshot: oneAccount({ root: aRoot() }, enabled),
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'stillHoldsCentralized',
          data: { accountId: '111111111111', credentials: 'a password, an MFA device' },
        },
      ],
    },
    {
      name: 'only an MFA device left still counts',
      snapshot: oneAccount({ root: aRoot({ passwordEnabled: false, mfaActive: true }) }, enabled),
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'stillHoldsCentralized',
          data: { accountId: '111111111111', credentials: 'an MFA device' },
        },
      ],
    },
    {
      name: 'leftover credentials found by the audit where the report had no row',
      snapshot: oneAccount(
        { root: ROOT_FROM_SUMMARY, accountSummary: {} },
        auditedRoot({
          passwordPresent: true,
          signingCertificates: [{ certificateId: 'CERT1', status: 'Active', uploadDate: null }],
        }),
      ),
      findings: [
        {
          resourceArn: ROOT_ARN,
          messageId: 'stillHoldsCentralizedAudit',
          data: { accountId: '111111111111', credentials: 'a password, a signing certificate' },
        },
      ],
    },
  ],
  unknown: [ROOT_ROW_MISSING],
});
