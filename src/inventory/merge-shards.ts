import { InputError } from '../io/input-error.js';
import { describeShard, type ShardSpec, shardOf } from './account-shard.js';
import type { NamedSnapshot } from './merge-snapshots.js';
import type { Account, CrawlMetadata } from './snapshot-schema.js';

export interface ShardSet {
  count: number;
  /** The part that holds each shard index. */
  byIndex: Map<number, NamedSnapshot>;
}

/**
 * Checks that sharded snapshots form one whole partition: every part a shard of the same N, no shard
 * given twice, none missing. Returns null when no part is sharded (a merge of `--accounts` runs).
 * A partial partition would read as a scan of the whole organization, so it is an input error.
 */
export function checkShardSet(parts: readonly NamedSnapshot[]): ShardSet | null {
  const sharded = parts.filter((p) => p.snapshot.crawl?.shard);
  if (sharded.length === 0) return null;
  // An --org-only snapshot crawls no account: it joins any set of shards.
  const unsharded = parts.find((p) => !p.snapshot.crawl?.shard && !p.snapshot.crawl?.organizationOnly);
  if (unsharded)
    throw new InputError(
      `${unsharded.file}: crawl.shard: missing, but ${sharded[0]?.file} is a shard; merge the shards of one collect --shard run only`,
    );
  const count = sharded[0]?.snapshot.crawl?.shard?.count ?? 0;
  const byIndex = new Map<number, NamedSnapshot>();
  for (const part of sharded) {
    const shard = part.snapshot.crawl?.shard as ShardSpec;
    if (shard.count !== count)
      throw new InputError(
        `${part.file}: crawl.shard: ${describeShard(shard)} is from a partition into ${shard.count}, ${sharded[0]?.file} into ${count}`,
      );
    const other = byIndex.get(shard.index);
    if (other)
      throw new InputError(
        `${part.file}: crawl.shard: overlapping shards: ${other.file} also holds shard ${describeShard(shard)}`,
      );
    byIndex.set(shard.index, part);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new InputError(
      `merge: missing shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')}: give the snapshot of every shard`,
    );
  return { count, byIndex };
}

/** Each account from the shard that owns it (by the same hash collect used), whatever the others say. */
export function accountFromOwner(shards: ShardSet, accountId: string, fallback: Account): Account {
  const owner = shards.byIndex.get(shardOf(accountId, shards.count));
  return owner?.snapshot.accounts.find((a) => a.id === accountId) ?? fallback;
}

export function mergedCrawlMetadata(parts: readonly NamedSnapshot[], shards: ShardSet | null): CrawlMetadata {
  const durations = Object.assign({}, ...parts.map((p) => p.snapshot.crawl?.accountDurationsMs ?? {}));
  return {
    ...(shards
      ? { mergedShards: { count: shards.count, held: [...shards.byIndex.keys()].sort((a, b) => a - b) } }
      : {}),
    ...(Object.keys(durations).length > 0 ? { accountDurationsMs: durations } : {}),
  };
}
