import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 2 → 3, this topic's step: version 3 adds, per account, the users' SSH public keys, signing
 * certificates and service-specific credentials. A version 2 file never looked at them, so they become
 * `not_collected` (never an empty list: "no SSH keys" would be a claim the older keysweep never checked).
 * Pure: returns a new document; damaged accounts pass through for the schema to reject.
 */
export const SNAPSHOT_V2_UPGRADE_REASON = 'snapshot written by an older keysweep';

const NEW_IAM_SLICES = ['sshPublicKeys', 'signingCertificates', 'serviceCredentials'] as const;

export function upgradeLongLivedCredentialsV2ToV3(v2: JsonDocument): JsonDocument {
  const accounts = Array.isArray(v2.accounts) ? v2.accounts.map(upgradeAccount) : v2.accounts;
  return { ...v2, accounts };
}

function upgradeAccount(account: unknown): unknown {
  if (!isRecord(account) || !isRecord(account.iam)) return account;
  const iam: Record<string, unknown> = { ...account.iam };
  for (const name of NEW_IAM_SLICES) {
    iam[name] ??= { status: 'not_collected', reason: SNAPSHOT_V2_UPGRADE_REASON };
  }
  return { ...account, iam };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
