import { markAccountIamSlicesNotCollected } from './mark-not-collected.js';
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
  return markAccountIamSlicesNotCollected(document, ['identityCenterInstances'], ACCOUNT_INSTANCES_V2_REASON);
}
