import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 2 → 3, account instances of Identity Center: version 3 adds `iam.identityCenterInstances` per
 * account. A version 2 file never called ListInstances in member accounts, so the slice is `not_collected`
 * (never an empty list: "no account instance" would be a claim the older keysweep never checked).
 * Pure; damaged accounts pass through for the schema to reject.
 */
export const ACCOUNT_INSTANCES_V2_REASON =
  'snapshot written by an older keysweep (no per-account ListInstances)';

export function addAccountInstancesSliceToV2Snapshot(document: JsonDocument): JsonDocument {
  const accounts = Array.isArray(document.accounts)
    ? document.accounts.map(upgradeAccount)
    : document.accounts;
  return { ...document, accounts };
}

function upgradeAccount(account: unknown): unknown {
  if (!isRecord(account) || !isRecord(account.iam)) return account;
  const iam: Record<string, unknown> = { ...account.iam };
  iam.identityCenterInstances ??= { status: 'not_collected', reason: ACCOUNT_INSTANCES_V2_REASON };
  return { ...account, iam };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
