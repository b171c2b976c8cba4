import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { parseSnapshot } from '../../src/inventory/snapshot-file.js';
import { upgradeSnapshotV3ToV4 } from '../../src/inventory/versions/snapshot-v3-to-v4.js';
import {
  APPLICATIONS_V3_REASON,
  addApplicationSlicesToV3Snapshot,
} from '../../src/inventory/versions/snapshot-v3-to-v4-applications.js';

const notCollected = { status: 'not_collected', reason: APPLICATIONS_V3_REASON };

/** The demo as a version 3 keysweep wrote it: without the three slices. */
async function demoAsV3() {
  const demo = JSON.parse(JSON.stringify(await loadDemoSnapshot()));
  const {
    accessControlAttributes: _a,
    applications: _b,
    trustedTokenIssuers: _c,
    ...identityCenter
  } = demo.identityCenter;
  return { ...demo, schemaVersion: 3, identityCenter };
}

describe('snapshot upgrade v3 → v4 (ABAC, applications, trusted token issuers)', () => {
  it('marks the three slices not collected (never "none"), nothing else changed', async () => {
    const v3 = await demoAsV3();
    const upgraded = addApplicationSlicesToV3Snapshot(v3);
    expect(upgraded.identityCenter).toEqual({
      ...v3.identityCenter,
      accessControlAttributes: notCollected,
      applications: notCollected,
      trustedTokenIssuers: notCollected,
    });
    expect({ ...upgraded, identityCenter: null }).toEqual({ ...v3, identityCenter: null });
  });

  it('through the chain, a version 3 file loads as the current version', async () => {
    const snapshot = parseSnapshot(await demoAsV3(), 'v3.json');
    expect(snapshot.schemaVersion).toBe(4);
    expect(snapshot.identityCenter.applications).toEqual(notCollected);
  });

  it('is pure, keeps slices already there and passes a damaged document through', () => {
    const present = { status: 'failed', error: { code: 'X', message: 'y' } };
    const v3 = { schemaVersion: 3, identityCenter: { applications: present } };
    const copy = structuredClone(v3);
    const upgraded = upgradeSnapshotV3ToV4(v3);
    expect(v3).toEqual(copy);
    expect(upgraded).toEqual({
      schemaVersion: 4,
      identityCenter: {
        applications: present,
        accessControlAttributes: notCollected,
        trustedTokenIssuers: notCollected,
      },
    });
    expect(addApplicationSlicesToV3Snapshot({ schemaVersion: 3, identityCenter: 'x' })).toEqual({
      schemaVersion: 3,
      identityCenter: 'x',
    });
  });
});
