import { describe, expect, it } from 'vitest';
import { anAccount, aSnapshot } from '../../fixtures/builders/index.js';
import { parseShard, shardOf } from '../../src/inventory/account-shard.js';
import { notCollected } from '../../src/inventory/collection.js';
import { mergeSnapshots } from '../../src/inventory/merge-snapshots.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { InputError } from '../../src/io/input-error.js';
import { runKeysweep } from '../cli/run-cli.js';

const ids = Array.from({ length: 300 }, (_, i) => String(100000000000 + i * 7919));

function shardSnapshot(index: number, count: number): Snapshot {
  const accounts = ids
    .slice(0, 6)
    .map((id) =>
      shardOf(id, count) === index
        ? anAccount({ id, name: `crawled-in-${index}` })
        : anAccount({ id, access: { status: 'skipped', reason: 'in another shard' } }),
    );
  return { ...aSnapshot({ accounts }), crawl: { shard: { index, count }, accountDurationsMs: {} } };
}

describe('--shard K/N', () => {
  it('parses K/N and refuses anything else with the flag named', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2'])
      expect(() => parseShard(bad), bad).toThrow(/^--shard: ".*" must be K\/N/);
  });

  it.each([
    ['collect', '--shard', '4/3'],
    ['scan', '--shard', 'x'],
    ['collect', '--call-timeout-budget', '0'],
  ])('%s %s %s: one line, exit 2, before any AWS call', async (...args) => {
    const run = await runKeysweep([...args, '--region', 'us-east-1', '--out', '/nonexistent/dir/out']);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^keysweep: ${args[1]}: "${args[2]}" must be`));
  });

  it('partitions by account id alone: every account in exactly one shard, shards of similar size', () => {
    const sizes = new Map<number, number>();
    for (const id of ids) {
      const shard = shardOf(id, 4);
      expect(shard).toBeGreaterThanOrEqual(1);
      expect(shard).toBeLessThanOrEqual(4);
      expect(shardOf(id, 4)).toBe(shard);
      sizes.set(shard, (sizes.get(shard) ?? 0) + 1);
    }
    for (const size of sizes.values()) expect(size).toBeGreaterThan(ids.length / 4 / 2);
  });
});

describe('merging shards', () => {
  const parts = (count: number, indices: number[]) =>
    indices.map((i) => ({ file: `shard-${i}.json`, snapshot: shardSnapshot(i, count) }));

  it('takes each account from the shard that owns it and records the shards it holds', () => {
    const merged = mergeSnapshots(parts(3, [3, 1, 2]));
    for (const account of merged.accounts) expect(account.name).toBe(`crawled-in-${shardOf(account.id, 3)}`);
    expect(merged.crawl?.mergedShards).toEqual({ count: 3, held: [1, 2, 3] });
    expect(merged.crawl?.shard).toBeUndefined();
  });

  it('joins the shards with a separate --org-only snapshot, taking organization-wide data from it', () => {
    const shards = parts(2, [1, 2]).map(({ file, snapshot }) => ({
      file,
      snapshot: {
        ...snapshot,
        identityCenter: { ...snapshot.identityCenter, instance: notCollected<never>('elsewhere') },
      },
    }));
    const orgOnly = aSnapshot({ accounts: [] });
    orgOnly.crawl = { organizationOnly: true };
    const merged = mergeSnapshots([...shards, { file: 'org.json', snapshot: orgOnly }]);
    expect(merged.identityCenter.instance).toEqual(orgOnly.identityCenter.instance);
    expect(merged.identityCenter.instance.status).toBe('ok');
    expect(merged.crawl?.mergedShards).toEqual({ count: 2, held: [1, 2] });
  });

  it.each([
    ['a missing shard', () => parts(3, [1, 3]), /^merge: missing shard\(s\) 2\/3/],
    [
      'an overlapping shard',
      () => parts(3, [1, 2, 2, 3]),
      /^shard-2\.json: crawl\.shard: overlapping shards: shard-2\.json also holds shard 2\/3/,
    ],
    ['shards of two partitions', () => [...parts(3, [1, 2, 3]), ...parts(2, [1])], /partition into 2/],
    [
      'a shard mixed with an unsharded snapshot',
      () => [...parts(2, [1, 2]), { file: 'whole.json', snapshot: aSnapshot() }],
      /^whole\.json: crawl\.shard: missing/,
    ],
  ])('refuses %s as an input error (exit 2)', (_what, make, message) => {
    let error: unknown;
    try {
      mergeSnapshots(make());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });
});
