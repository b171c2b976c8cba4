import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { parseSnapshot } from '../../src/inventory/snapshot-file.js';
import {
  SNAPSHOT_V3_TO_V4_STEPS,
  upgradeSnapshotV3ToV4,
} from '../../src/inventory/versions/snapshot-v3-to-v4.js';
import { addIdentityStoreExternalIdsToV3Snapshot } from '../../src/inventory/versions/snapshot-v3-to-v4-identity-store-external-ids.js';

/** A version 3 snapshot: the demo as keysweep wrote it before ExternalIds were kept. */
async function v3Snapshot(): Promise<Record<string, unknown>> {
  const current = JSON.parse(JSON.stringify(await loadDemoSnapshot()));
  const store = current.identityCenter.identityStore.data;
  const drop = ({ externalIds: _e, ...rest }: Record<string, unknown>) => rest;
  store.users = store.users.map(drop);
  store.groups = store.groups.map(drop);
  return { ...current, schemaVersion: 3 };
}

describe('snapshot upgrade v3 → v4 (identity store ExternalIds)', () => {
  it('marks every user and group ExternalIds as not collected (null), never "none" ([])', async () => {
    const v3 = await v3Snapshot();
    const step = addIdentityStoreExternalIdsToV3Snapshot(v3);
    const store = (
      step.identityCenter as { identityStore: { data: { users: unknown[]; groups: unknown[] } } }
    ).identityStore.data;
    expect(store.users.length).toBeGreaterThan(0);
    for (const principal of [...store.users, ...store.groups]) {
      expect(principal).toHaveProperty('externalIds', null);
    }
    // The step alone does not change the version; the registered upgrade does.
    expect(step.schemaVersion).toBe(3);
    expect(SNAPSHOT_V3_TO_V4_STEPS).toContain(addIdentityStoreExternalIdsToV3Snapshot);
    expect(upgradeSnapshotV3ToV4(v3).schemaVersion).toBe(4);
  });

  it('loads a version 3 file through the version chain', async () => {
    const snapshot = parseSnapshot(await v3Snapshot(), 'v3.json');
    expect(snapshot.schemaVersion).toBe(4);
    const store = snapshot.identityCenter.identityStore;
    expect(store.status).toBe('ok');
    if (store.status !== 'ok') return;
    expect(store.data.users.every((user) => user.externalIds === null)).toBe(true);
    expect(store.data.groups.every((group) => group.externalIds === null)).toBe(true);
  });

  it('is pure, keeps ExternalIds already present and leaves a store that was not collected alone', async () => {
    const v3 = await v3Snapshot();
    const copy = JSON.parse(JSON.stringify(v3));
    addIdentityStoreExternalIdsToV3Snapshot(v3);
    expect(v3).toEqual(copy);
    const failed = { status: 'failed', error: { code: 'AccessDeniedException', message: 'x' } };
    const notRead = { ...v3, identityCenter: { ...(v3.identityCenter as object), identityStore: failed } };
    expect(addIdentityStoreExternalIdsToV3Snapshot(notRead)).toEqual(notRead);
    const kept = {
      ...v3,
      identityCenter: {
        ...(v3.identityCenter as object),
        identityStore: {
          status: 'ok',
          data: {
            users: [
              {
                userId: 'u',
                userName: 'u',
                displayName: null,
                emails: [],
                externalIds: [{ issuer: 'i', id: '1' }],
              },
            ],
            groups: [],
            memberships: [],
          },
        },
      },
    };
    const upgraded = addIdentityStoreExternalIdsToV3Snapshot(kept).identityCenter as {
      identityStore: { data: { users: Array<{ externalIds: unknown }> } };
    };
    expect(upgraded.identityStore.data.users[0]?.externalIds).toEqual([{ issuer: 'i', id: '1' }]);
  });
});
