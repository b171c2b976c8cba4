import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticOrganization } from '../../bench/synthetic-organization.js';
import { mergeSnapshots } from '../../src/inventory/merge-snapshots.js';
import { loadSnapshot, saveSnapshot } from '../../src/inventory/snapshot-file.js';
import { mergeSnapshotFiles } from '../../src/inventory/streaming/merge-snapshot-files.js';

describe('merge as a stream (mergeSnapshotFiles)', () => {
  it('writes byte for byte what merging the loaded snapshots writes, for overlapping parts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-merge-stream-'));
    const whole = syntheticOrganization(7, 12);
    const [a, b, c] = ['a.json', 'b.json', 'c.json'].map((name) => join(dir, name)) as [
      string,
      string,
      string,
    ];
    await saveSnapshot(a, { ...whole, accounts: whole.accounts.slice(0, 4) });
    // b holds accounts 2-4 again, skipped this time: a keeps the collected copies.
    await saveSnapshot(b, {
      ...whole,
      accounts: whole.accounts
        .slice(2, 5)
        .map((account, i) =>
          i < 2 ? { ...account, access: { status: 'skipped' as const, reason: 'suspended' } } : account,
        ),
    });
    await saveSnapshot(c, {
      ...whole,
      collectedAt: '2026-11-19T00:00:00.000Z',
      accounts: whole.accounts.slice(5),
    });

    const streamed = join(dir, 'streamed.json');
    const result = await mergeSnapshotFiles([a, b, c], streamed);
    expect(result.accounts).toBe(7);
    // c was collected days before a and b: said, since the merge is dated like c.
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^keysweep: warning: merge: the snapshots were collected \d+ hours apart \(.*c\.json at 2026-11-19T00:00:00\.000Z/,
      ),
    ]);
    const inMemory = join(dir, 'in-memory.json');
    const loaded = await Promise.all(
      [a, b, c].map(async (file) => ({ file, snapshot: await loadSnapshot(file) })),
    );
    await saveSnapshot(inMemory, mergeSnapshots(loaded));
    expect(await readFile(streamed, 'utf8')).toBe(await readFile(inMemory, 'utf8'));
    // The accounts are whole again (their slices read back from the shard files).
    const merged = await loadSnapshot(streamed);
    expect(merged.accounts.map((account) => account.iam.users.status)).toEqual(Array(7).fill('ok'));
  });
});
