import {
  anAccount,
  anIamSlice,
  type anIdentityCenter,
  aRoot,
  aSnapshot,
} from '../../../fixtures/builders/index.js';
import type { RootAuditFacts, RootCredentialsAudit } from '../../../src/inventory/root-audit-schema.js';
import type { Snapshot } from '../../../src/inventory/snapshot-schema.js';

export type IamParts = Parameters<typeof anIamSlice>[0];
export type IdentityCenterParts = Parameters<typeof anIdentityCenter>[0];

/** One member account 111111111111 (management is 000000000000) with the given IAM inventory. */
export function oneAccount(
  iam: IamParts = {},
  extra: Partial<Parameters<typeof aSnapshot>[0]> = {},
): Snapshot {
  return aSnapshot({ accounts: [anAccount({ iam: anIamSlice(iam) })], ...extra });
}

/** Two accounts, so organization-wide rules (CIS 1.21) apply: the IAM inventory goes into 111111111111. */
export function twoAccounts(
  iam: IamParts = {},
  extra: Partial<Parameters<typeof aSnapshot>[0]> = {},
): Snapshot {
  return aSnapshot({
    accounts: [anAccount({ iam: anIamSlice(iam) }), anAccount({ id: '222222222222' })],
    ...extra,
  });
}

export const USER_ARN = (name: string, account = '111111111111') => `arn:aws:iam::${account}:user/${name}`;
export const ROOT_ARN = 'arn:aws:iam::111111111111:root';

/**
 * The credential report has no <root_account> row (moto, some real accounts), the account summary does not
 * say either, and root holds nothing else: the root rules must say "unknown", never guess a finding.
 */
export const ROOT_ROW_MISSING = {
  name: 'no credential-report root row, no MFA, nothing else held',
  snapshot: oneAccount({
    root: aRoot({ passwordEnabled: null, mfaActive: false, mfaKind: 'none', reportRow: false }),
    accountSummary: {},
  }),
  reasonIncludes: 'no <root_account> row',
};

/** AssumeRoot audit facts (IAMAuditRootUserCredentials) for 111111111111; nothing held unless given. */
export function auditedRoot(facts: Partial<RootAuditFacts> = {}): {
  centralizedRoot: { rootCredentialsManagement: boolean; rootSessions: boolean };
  rootAudit: RootCredentialsAudit;
} {
  return {
    centralizedRoot: { rootCredentialsManagement: true, rootSessions: true },
    rootAudit: {
      skipped: null,
      accounts: {
        '111111111111': {
          status: 'ok',
          data: {
            passwordPresent: false,
            passwordLastUsed: null,
            accessKeys: [],
            mfaDevices: [],
            signingCertificates: [],
            ...facts,
          },
        },
      },
    },
  };
}

/** The credential report had no root row (facts from the summary), but an audit was made. */
export const ROOT_FROM_SUMMARY = aRoot({
  passwordEnabled: null,
  mfaActive: false,
  mfaKind: 'none',
  reportRow: false,
});
