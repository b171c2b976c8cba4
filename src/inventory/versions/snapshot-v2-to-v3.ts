import { upgradePermissionSetDetails } from './snapshot-v2-to-v3-permission-set-details.js';
import type { JsonDocument, Upgrade } from './upgrade-chain.js';

/**
 * Snapshot schema 2 → 3: several branches add slices in the same wave, each with its own pure step;
 * they are applied in this order, then the version is set.
 */
const STEPS: ReadonlyArray<(document: JsonDocument) => JsonDocument> = [upgradePermissionSetDetails];

export const upgradeSnapshotV2ToV3: Upgrade = (v2: JsonDocument) => ({
  ...STEPS.reduce((document, step) => step(document), v2),
  schemaVersion: 3,
});
