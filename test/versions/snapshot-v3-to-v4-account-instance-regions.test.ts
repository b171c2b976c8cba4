import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { parseSnapshot } from '../../src/inventory/snapshot-file.js';
import {
  SNAPSHOT_V3_TO_V4_STEPS,
  upgradeSnapshotV3ToV4,
} from '../../src/inventory/versions/snapshot-v3-to-v4.js';
import {
  ACCOUNT_INSTANCE_REGIONS_V3_REASON,
  addAccountInstanceRegionsToV3Snapshot,
} from '../../src/inventory/versions/snapshot-v3-to-v4-account-instance-regions.js';

// biome-ignore lint/suspicious/noExplicitAny: a JSON document walked by the test
type Json = Record<string, any>;

/** A version 3 snapshot: the demo with each account's instances as the bare array keysweep 3 wrote. */
async function v3Snapshot(): Promise<Json> {
  const current = JSON.parse(JSON.stringify(await loadDemoSnapshot()));
  for (const account of current.accounts) {
    const slice = account.iam.identityCenterInstances;
    if (slice.status === 'ok') slice.data = slice.data.instances;
  }
  return { ...current, schemaVersion: 3 };
}

const sliceOf = (document: Json, index: number) => document.accounts[index].iam.identityCenterInstances;

describe('snapshot upgrade v3 → v4 (regions searched for account instances)', () => {
  it('found instances: their one region is the region searched; none found: searched regions unknown', async () => {
    const v3 = await v3Snapshot();
    const upgraded = addAccountInstanceRegionsToV3Snapshot(v3) as Json;
    const withInstance = upgraded.accounts.findIndex(
      (a: Json) =>
        a.iam.identityCenterInstances.status === 'ok' &&
        a.iam.identityCenterInstances.data.instances.length > 0,
    );
    expect(withInstance).toBeGreaterThanOrEqual(0);
    expect(sliceOf(upgraded, withInstance).data).toEqual({
      regionsSearched: ['eu-west-1'],
      regionsSearchedUnknown: null,
      regionsNotRead: [],
      instances: sliceOf(v3, withInstance).data,
    });
    const empty = upgraded.accounts.findIndex(
      (a: Json) =>
        a.iam.identityCenterInstances.status === 'ok' &&
        a.iam.identityCenterInstances.data.instances.length === 0,
    );
    expect(sliceOf(upgraded, empty).data).toEqual({
      regionsSearched: [],
      regionsSearchedUnknown: ACCOUNT_INSTANCE_REGIONS_V3_REASON,
      regionsNotRead: [],
      instances: [],
    });
    // The step alone does not change the version; the registered upgrade does.
    expect(upgraded.schemaVersion).toBe(3);
    expect(SNAPSHOT_V3_TO_V4_STEPS).toContain(addAccountInstanceRegionsToV3Snapshot);
    expect(upgradeSnapshotV3ToV4(v3).schemaVersion).toBe(4);
  });

  it('loads a version 3 file through the version chain', async () => {
    const snapshot = parseSnapshot(await v3Snapshot(), 'v3.json');
    expect(snapshot.schemaVersion).toBe(4);
    for (const account of snapshot.accounts) {
      const slice = account.iam.identityCenterInstances;
      if (slice.status !== 'ok') continue;
      expect(slice.data.regionsSearchedUnknown === null).toBe(slice.data.instances.length > 0);
    }
  });

  it('is pure, and leaves failed, not collected and malformed slices alone', async () => {
    const v3 = await v3Snapshot();
    const copy = JSON.parse(JSON.stringify(v3));
    addAccountInstanceRegionsToV3Snapshot(v3);
    expect(v3).toEqual(copy);
    const failed = { status: 'failed', error: { code: 'AccessDeniedException', message: 'x' } };
    const notCollected = { status: 'not_collected', reason: 'older snapshot' };
    const odd = { status: 'ok', data: { not: 'an array' } };
    for (const slice of [failed, notCollected, odd]) {
      const document = JSON.parse(JSON.stringify(v3));
      document.accounts[0].iam.identityCenterInstances = slice;
      expect(sliceOf(addAccountInstanceRegionsToV3Snapshot(document) as Json, 0)).toEqual(slice);
    }
    expect(addAccountInstanceRegionsToV3Snapshot({ schemaVersion: 3 })).toEqual({ schemaVersion: 3 });
  });
});
