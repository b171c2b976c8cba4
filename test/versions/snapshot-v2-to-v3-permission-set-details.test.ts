import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { parseSnapshot } from '../../src/inventory/snapshot-file.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../../src/inventory/snapshot-schema.js';
import { upgradeSnapshotV2ToV3 } from '../../src/inventory/versions/snapshot-v2-to-v3.js';

/** A version 2 snapshot: the demo as keysweep wrote it before permission set details were collected. */
async function v2Snapshot(): Promise<Record<string, unknown>> {
  const current = JSON.parse(JSON.stringify(await loadDemoSnapshot()));
  const sets = current.identityCenter.permissionSets;
  sets.data = sets.data.map(({ relayState: _r, tags: _t, ...rest }: Record<string, unknown>) => rest);
  return { ...current, schemaVersion: 2 };
}

describe('snapshot upgrade v2 → v3 (permission set details)', () => {
  it('marks relay state and tags of every permission set as not collected, never "no tags"', async () => {
    const snapshot = parseSnapshot(await v2Snapshot(), 'v2.json');
    expect(snapshot.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
    const sets = snapshot.identityCenter.permissionSets;
    expect(sets.status).toBe('ok');
    for (const set of sets.status === 'ok' ? sets.data : []) {
      expect(set.tags).toBeNull();
      expect(set.relayState).toBeNull();
    }
  });

  it('is pure and leaves a slice that was not collected alone', async () => {
    const v2 = await v2Snapshot();
    const copy = JSON.parse(JSON.stringify(v2));
    const notCollected = {
      ...v2,
      identityCenter: {
        ...(v2.identityCenter as object),
        permissionSets: { status: 'not_collected', reason: 'x' },
      },
    };
    upgradeSnapshotV2ToV3(v2);
    expect(v2).toEqual(copy);
    expect(
      (upgradeSnapshotV2ToV3(notCollected).identityCenter as Record<string, unknown>).permissionSets,
    ).toEqual({
      status: 'not_collected',
      reason: 'x',
    });
  });
});
