import { markSectionSlicesNotCollected } from './mark-not-collected.js';
import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 3 → 4, ABAC and trusted identity propagation (issue 24 item 5): version 4 adds
 * `identityCenter.accessControlAttributes`, `identityCenter.applications` and
 * `identityCenter.trustedTokenIssuers`. A version 3 file never read them, so they are `not_collected`
 * (never "no applications"). Pure; malformed input passes through for the schema to reject.
 */
export const APPLICATIONS_V3_REASON =
  'snapshot written by an older keysweep (no access-control attributes, applications or trusted token issuers)';

export const APPLICATION_SLICE_KEYS = [
  'accessControlAttributes',
  'applications',
  'trustedTokenIssuers',
] as const;

export function addApplicationSlicesToV3Snapshot(document: JsonDocument): JsonDocument {
  return markSectionSlicesNotCollected(
    document,
    'identityCenter',
    APPLICATION_SLICE_KEYS,
    APPLICATIONS_V3_REASON,
  );
}
