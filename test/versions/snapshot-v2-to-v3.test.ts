import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../../src/inventory/snapshot-schema.js';
import { upgradeSnapshotV2ToV3 } from '../../src/inventory/versions/snapshot-v2-to-v3.js';
import {
  addUsageSliceToV2Snapshot,
  SNAPSHOT_V2_USAGE_REASON,
} from '../../src/inventory/versions/snapshot-v2-to-v3-usage.js';

// The demo organization as keysweep wrote it before usage evidence was collected.
const V2_FIXTURE = new URL('../fixtures/versions/snapshot-v2.json', import.meta.url).pathname;

describe('snapshot upgrade v2 → v3 (usage)', () => {
  it('loads a version 2 snapshot, marking usage not collected in every account, nothing else changed', async () => {
    const raw = JSON.parse(await readFile(V2_FIXTURE, 'utf8'));
    expect(raw.schemaVersion).toBe(2);
    const snapshot = await loadSnapshot(V2_FIXTURE);
    expect(snapshot.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
    expect(snapshot.accounts.length).toBeGreaterThan(5);
    for (const [index, account] of snapshot.accounts.entries()) {
      expect(account.iam.usage).toEqual({ status: 'not_collected', reason: SNAPSHOT_V2_USAGE_REASON });
      // The other v3 slices (long-lived credentials) are their own steps' business: tested beside them.
      const {
        usage: _usage,
        sshPublicKeys: _ssh,
        signingCertificates: _certs,
        serviceCredentials: _service,
        identityCenterInstances: _accountInstances,
        ...rest
      } = account.iam;
      expect(rest).toEqual(raw.accounts[index].iam);
    }
  });

  it('is pure, keeps a usage slice already there and passes damaged accounts through', () => {
    const present = { status: 'failed', error: { code: 'X', message: 'y' } };
    const v2 = {
      schemaVersion: 2,
      accounts: [{ id: '1', iam: { usage: present } }, { id: '2', iam: {} }, 'x'],
    };
    const copy = structuredClone(v2);
    expect(upgradeSnapshotV2ToV3(v2).schemaVersion).toBe(3);
    const v3 = addUsageSliceToV2Snapshot(v2);
    expect(v2).toEqual(copy);
    expect(v3.accounts).toEqual([
      { id: '1', iam: { usage: present } },
      { id: '2', iam: { usage: { status: 'not_collected', reason: SNAPSHOT_V2_USAGE_REASON } } },
      'x',
    ]);
  });
});
