import { isRecord } from './mark-not-collected.js';
import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 2 → 3, permission set details: schema 3 records each permission set's relay state and tags
 * (issue 21: an imported set must keep them). A version 2 file never read its tags, so they become null
 * ("not collected", never an empty map, which would claim the set has none) and the relay state null.
 * Pure: a new object, the input untouched; anything malformed is passed through for the schema to reject.
 */
export function upgradePermissionSetDetails(v2: JsonDocument): JsonDocument {
  const identityCenter = v2.identityCenter;
  if (!isRecord(identityCenter) || !isRecord(identityCenter.permissionSets)) return v2;
  const slice = identityCenter.permissionSets;
  if (slice.status !== 'ok' || !Array.isArray(slice.data)) return v2;
  const data = slice.data.map((set) =>
    isRecord(set) ? { ...set, relayState: set.relayState ?? null, tags: set.tags ?? null } : set,
  );
  return { ...v2, identityCenter: { ...identityCenter, permissionSets: { ...slice, data } } };
}
