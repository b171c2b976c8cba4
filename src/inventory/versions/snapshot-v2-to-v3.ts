import { upgradePermissionSetDetails } from './snapshot-v2-to-v3-permission-set-details.js';
import { addUsageSliceToV2Snapshot } from './snapshot-v2-to-v3-usage.js';
import type { JsonDocument, Upgrade } from './upgrade-chain.js';

/**
 * Snapshot schema 2 → 3. Several branches add slices in this version; each brings one pure step in
 * its own file (snapshot-v2-to-v3-<topic>.ts) and one line here. Steps run in order on a copy.
 */
export const SNAPSHOT_V2_TO_V3_STEPS: ReadonlyArray<(document: JsonDocument) => JsonDocument> = [
  addUsageSliceToV2Snapshot,
  upgradePermissionSetDetails,
];

export const upgradeSnapshotV2ToV3: Upgrade = (v2: JsonDocument) => {
  let document = v2;
  for (const step of SNAPSHOT_V2_TO_V3_STEPS) document = step(document);
  return { ...document, schemaVersion: 3 };
};
