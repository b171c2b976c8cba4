import { addAccountInstanceRegionsToV3Snapshot } from './snapshot-v3-to-v4-account-instance-regions.js';
import { addApplicationSlicesToV3Snapshot } from './snapshot-v3-to-v4-applications.js';
import { addIdentityStoreExternalIdsToV3Snapshot } from './snapshot-v3-to-v4-identity-store-external-ids.js';
import type { JsonDocument, Upgrade } from './upgrade-chain.js';

/**
 * Snapshot schema 3 → 4. As for 2 → 3: each topic that changes snapshot data in version 4 brings its own
 * pure step (its own file, snapshot-v3-to-v4-<topic>.ts); they run in this order on a copy.
 */
export const SNAPSHOT_V3_TO_V4_STEPS: ReadonlyArray<(document: JsonDocument) => JsonDocument> = [
  addIdentityStoreExternalIdsToV3Snapshot,
  addApplicationSlicesToV3Snapshot,
  addAccountInstanceRegionsToV3Snapshot,
];

export const upgradeSnapshotV3ToV4: Upgrade = (v3: JsonDocument) => {
  const upgraded = SNAPSHOT_V3_TO_V4_STEPS.reduce((document, step) => step(document), v3);
  return { ...upgraded, schemaVersion: 4 };
};
