import type { JsonDocument, Upgrade } from './upgrade-chain.js';

/**
 * Snapshot schema 1 → 2. Version 2 adds, per account, `iam.roles` and `iam.identityProviders`. A version 1
 * file never looked at them, so they become `not_collected` (never an empty list: "no roles" would be a
 * confident claim the older keysweep never checked). Pure: returns a new object, the input is not touched;
 * damaged accounts are passed through for the schema to reject with a clear message.
 */
export const SNAPSHOT_V1_UPGRADE_REASON = 'snapshot written by an older keysweep';

const NEW_IAM_SLICES = ['roles', 'identityProviders'] as const;

export const upgradeSnapshotV1ToV2: Upgrade = (v1: JsonDocument) => {
  const accounts = Array.isArray(v1.accounts) ? v1.accounts.map(upgradeAccount) : v1.accounts;
  return { ...v1, schemaVersion: 2, accounts };
};

function upgradeAccount(account: unknown): unknown {
  if (!isRecord(account) || !isRecord(account.iam)) return account;
  const iam: Record<string, unknown> = { ...account.iam };
  for (const name of NEW_IAM_SLICES) {
    iam[name] ??= { status: 'not_collected', reason: SNAPSHOT_V1_UPGRADE_REASON };
  }
  return { ...account, iam };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
