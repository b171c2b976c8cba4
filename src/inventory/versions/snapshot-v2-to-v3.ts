import { addAccountInstancesSliceToV2Snapshot } from './snapshot-v2-to-v3-account-instances.js';
import { addIdentityCenterRegionsToV2Snapshot } from './snapshot-v2-to-v3-identity-center-regions.js';
import { upgradeLongLivedCredentialsV2ToV3 } from './snapshot-v2-to-v3-long-lived-credentials.js';
import { upgradePermissionSetDetails } from './snapshot-v2-to-v3-permission-set-details.js';
import { upgradeRootAuditV2ToV3 } from './snapshot-v2-to-v3-root-audit.js';
import { addUsageSliceToV2Snapshot } from './snapshot-v2-to-v3-usage.js';
import type { JsonDocument, Upgrade } from './upgrade-chain.js';

/**
 * Snapshot schema 2 → 3. Several topics add slices in version 3; each brings its own pure step (its own
 * file, snapshot-v2-to-v3-<topic>.ts) that marks its new slices not collected in a version 2 document (or
 * fills what a version 2 document implies). They run in this order on a copy.
 */
export const SNAPSHOT_V2_TO_V3_STEPS: ReadonlyArray<(document: JsonDocument) => JsonDocument> = [
  addUsageSliceToV2Snapshot,
  upgradePermissionSetDetails,
  upgradeLongLivedCredentialsV2ToV3,
  upgradeRootAuditV2ToV3,
  addAccountInstancesSliceToV2Snapshot,
  addIdentityCenterRegionsToV2Snapshot,
];

export const upgradeSnapshotV2ToV3: Upgrade = (v2: JsonDocument) => {
  const upgraded = SNAPSHOT_V2_TO_V3_STEPS.reduce((document, step) => step(document), v2);
  return { ...upgraded, schemaVersion: 3 };
};
