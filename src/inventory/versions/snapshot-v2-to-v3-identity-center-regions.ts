import { markSectionSlicesNotCollected } from './mark-not-collected.js';
import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 2 → 3, multi-Region Identity Center: version 3 adds `identityCenter.regions` (sso:ListRegions).
 * A version 2 file never listed them, so the slice is `not_collected` (never a single-region claim); the
 * kit then uses the region where the instance was found, as before. Pure; malformed input passes through.
 */
export const IDENTITY_CENTER_REGIONS_V2_REASON = 'snapshot written by an older keysweep (no ListRegions)';

export function addIdentityCenterRegionsToV2Snapshot(document: JsonDocument): JsonDocument {
  return markSectionSlicesNotCollected(
    document,
    'identityCenter',
    ['regions'],
    IDENTITY_CENTER_REGIONS_V2_REASON,
  );
}
