import { closeSync, openSync, readSync } from 'node:fs';
import { describeZodError, InputError } from '../../io/input-error.js';
import type { ByteRange } from '../../io/streaming/json-array-framer.js';
import { collectionDatesWarning } from '../merge-collection-dates.js';
import { mergeSnapshots, type NamedSnapshot } from '../merge-snapshots.js';
import { accountSlicesNotCollected } from '../slice-placeholders.js';
import { type Account, accountSchema } from '../snapshot-schema.js';
import { readSnapshotStream } from './read-snapshot-stream.js';
import { writeSnapshotStream } from './write-snapshot-stream.js';

/** What an account held during a merge stands in for: the account at this place in this file. */
interface Location {
  file: string;
  range: ByteRange;
}

/** Shared by every held account: its slices stay in its file until the merged snapshot is written. */
const SLICES_IN_FILE = accountSlicesNotCollected('held in its shard file while merging');

/**
 * `keysweep merge` as a stream: each shard is read account by account keeping only every account's
 * facts (id, name, access) and where it is in its file; mergeSnapshots decides which copy of each
 * account wins as it always did; the merged snapshot is then written account by account, each winning
 * account read back from its file (and validated again: a file changed since is an input error). Memory
 * holds the shards' organization-level parts and one account, not every shard's IAM data.
 */
export async function mergeSnapshotFiles(
  files: readonly string[],
  out: string,
): Promise<{ accounts: number; warnings: string[] }> {
  const located = new Map<Account, Location>();
  const parts: NamedSnapshot[] = [];
  for (const file of files) {
    const snapshot = await readSnapshotStream(file, (account, range) => {
      const held = { ...account, iam: SLICES_IN_FILE };
      located.set(held, { file, range });
      return held;
    });
    parts.push({ file, snapshot });
  }
  const { accounts, ...header } = mergeSnapshots(parts);
  await writeSnapshotStream(out, header, readBack(accounts, located));
  const datesApart = collectionDatesWarning(parts);
  return { accounts: accounts.length, warnings: datesApart ? [datesApart] : [] };
}

function* readBack(
  accounts: readonly Account[],
  located: ReadonlyMap<Account, Location>,
): Generator<Account> {
  const open = new Map<string, number>();
  try {
    for (const account of accounts) {
      const at = located.get(account);
      if (!at) {
        yield account; // From a file read whole (an older version): held as it was.
        continue;
      }
      let fd = open.get(at.file);
      if (fd === undefined) {
        fd = openSync(at.file, 'r');
        open.set(at.file, fd);
      }
      yield accountAt(fd, at, account.id);
    }
  } finally {
    for (const fd of open.values()) closeSync(fd);
  }
}

function accountAt(fd: number, { file, range }: Location, id: string): Account {
  const bytes = Buffer.alloc(range.end - range.start);
  const read = readSync(fd, bytes, 0, bytes.length, range.start);
  let value: unknown;
  try {
    value = JSON.parse(bytes.subarray(0, read).toString('utf8'));
  } catch {
    throw new InputError(`${file}: changed while merging (account ${id} is no longer where it was read)`);
  }
  const parsed = accountSchema.safeParse(value);
  if (!parsed.success) throw new InputError(describeZodError(file, parsed.error, ['accounts', id]));
  if (parsed.data.id !== id)
    throw new InputError(`${file}: changed while merging (account ${id} is no longer where it was read)`);
  return parsed.data;
}
