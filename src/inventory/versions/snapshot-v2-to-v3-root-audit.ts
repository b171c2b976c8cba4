import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 2 → 3, this topic's step: version 3 adds the organization's root credentials audit (AssumeRoot
 * with IAMAuditRootUserCredentials). A version 2 file never audited: the slice says so (`skipped`), and
 * root rules use the credential report as they did. Nothing is claimed about any account's root.
 */
export const ROOT_AUDIT_V2_REASON = 'snapshot written by an older keysweep (no root credentials audit)';

export function upgradeRootAuditV2ToV3(v2: JsonDocument): JsonDocument {
  const organization = v2.organization;
  if (typeof organization !== 'object' || organization === null || Array.isArray(organization)) return v2;
  const org = organization as Record<string, unknown>;
  return {
    ...v2,
    organization: {
      ...org,
      rootCredentialsAudit: org.rootCredentialsAudit ?? {
        status: 'ok',
        data: { skipped: ROOT_AUDIT_V2_REASON, accounts: {} },
      },
    },
  };
}
