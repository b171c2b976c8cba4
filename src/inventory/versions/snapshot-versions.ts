import { SNAPSHOT_SCHEMA_VERSION } from '../snapshot-schema.js';
import { upgradeSnapshotV1ToV2 } from './snapshot-v1-to-v2.js';
import { upgradeSnapshotV2ToV3 } from './snapshot-v2-to-v3.js';
import { upgradeSnapshotV3ToV4 } from './snapshot-v3-to-v4.js';
import type { Upgrade, VersionChain } from './upgrade-chain.js';

/**
 * Snapshot upgrades: `n: fn` upgrades a version-n snapshot to n + 1. When the snapshot schema
 * changes, bump SNAPSHOT_SCHEMA_VERSION and register the migration here in one line
 * (e.g. `1: upgradeSnapshotV1ToV2,`), with a test loading test/fixtures/versions/snapshot-v1.json.
 */
export const SNAPSHOT_UPGRADES: Record<number, Upgrade> = {
  1: upgradeSnapshotV1ToV2,
  2: upgradeSnapshotV2ToV3,
  3: upgradeSnapshotV3ToV4,
};

export const SNAPSHOT_VERSIONS: VersionChain = {
  kind: 'snapshot',
  first: 1,
  current: SNAPSHOT_SCHEMA_VERSION,
  upgrades: SNAPSHOT_UPGRADES,
  looksLike: (document) => 'accounts' in document || 'organization' in document,
};
