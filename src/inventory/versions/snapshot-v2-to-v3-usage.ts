import { markAccountIamSlicesNotCollected } from './mark-not-collected.js';
import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 2 → 3, the usage part: version 3 adds `iam.usage` per account. A version 2 snapshot never
 * read service last accessed data, so the slice is `not_collected` (never an empty list: "nothing
 * used" would be a confident claim the older keysweep never checked). Pure; damaged accounts are
 * passed through for the schema to reject with a clear message.
 */
export const SNAPSHOT_V2_USAGE_REASON = 'snapshot written by an older keysweep (no usage evidence)';

export function addUsageSliceToV2Snapshot(document: JsonDocument): JsonDocument {
  return markAccountIamSlicesNotCollected(document, ['usage'], SNAPSHOT_V2_USAGE_REASON);
}
