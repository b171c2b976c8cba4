import { addApplicationSlicesToV3Snapshot } from './snapshot-v3-to-v4-applications.js';
import type { JsonDocument, Upgrade } from './upgrade-chain.js';

/**
 * Snapshot schema 3 → 4. Each topic that adds slices in version 4 brings its own pure step (its own file,
 * snapshot-v3-to-v4-<topic>.ts) that marks its new slices not collected in a version 3 document. They
 * run in this order on a copy.
 */
export const SNAPSHOT_V3_TO_V4_STEPS: ReadonlyArray<(document: JsonDocument) => JsonDocument> = [
  addApplicationSlicesToV3Snapshot,
];

export const upgradeSnapshotV3ToV4: Upgrade = (v3: JsonDocument) => {
  const upgraded = SNAPSHOT_V3_TO_V4_STEPS.reduce((document, step) => step(document), v3);
  return { ...upgraded, schemaVersion: 4 };
};
