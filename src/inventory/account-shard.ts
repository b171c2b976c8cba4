import { createHash } from 'node:crypto';
import { InputError } from '../io/input-error.js';

/** Shard K of N (1-based), as `--shard K/N` names it. */
export interface ShardSpec {
  index: number;
  count: number;
}

export function parseShard(value: string | undefined): ShardSpec | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  // Whole numbers JavaScript holds exactly, as the snapshot schema's z.int() requires of shard.index/count.
  const exact = Number.isSafeInteger(index) && Number.isSafeInteger(count);
  if (!match || !exact || count < 1 || index < 1 || index > count)
    throw new InputError(
      `--shard: "${value}" must be K/N with 1 <= K <= N <= ${Number.MAX_SAFE_INTEGER} (e.g. 2/8)`,
    );
  return { index, count };
}

/**
 * The shard an account belongs to: from a hash of its id alone, so every job of a CI matrix computes the
 * same partition without talking to the others, and adding or closing accounts never moves the rest.
 */
export function shardOf(accountId: string, count: number): number {
  const digest = createHash('sha256').update(accountId).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(accountId: string, shard: ShardSpec | undefined): boolean {
  return shard === undefined || shardOf(accountId, shard.count) === shard.index;
}

export function describeShard(shard: ShardSpec): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * Organization-wide data (Identity Center, centralized root access) has one copy for the whole
 * organization: shard 1 collects it so N jobs do not each read (and throttle) the same endpoint.
 */
export function collectsOrganizationData(shard: ShardSpec | undefined): boolean {
  return shard === undefined || shard.index === 1;
}
