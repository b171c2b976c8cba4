import { statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { peekLeadingVersion } from '../inventory/versions/read-versioned-array-stream.js';
import { escapeControlCharacters } from '../io/escape-control-characters.js';

/**
 * Heap a scan needs per byte of snapshot file, measured with `npm run bench` (synthetic organizations of
 * 100k–1M IAM users, ~3.9 findings a user, all five formats). The inventory is most of it: the rules run
 * account by account and each account's inventory is let go once they ran; findings of a snapshot of
 * 256 MiB or more go to disk. At 1M users (1015 MiB) the live heap peaked at ~1.0 GiB (after the
 * organization-wide derivations), and the scan ran as fast in a 1.5 GiB heap (1.6 GiB peak RSS) as in the
 * default 4 GiB one (3.3 GiB peak RSS: V8 grows the heap lazily when it may).
 */
export const HEAP_BYTES_PER_SNAPSHOT_BYTE = 1.5;

const MiB = 2 ** 20;

/**
 * One line telling the user, before a long load, that this snapshot will likely not fit comfortably in
 * the heap this Node allows (V8 then spends minutes collecting garbage, or aborts), and what to run
 * instead; null when it fits, or the file is not a keysweep file or cannot be read (the load says so).
 */
export async function heapHeadroomWarning(
  snapshotPath: string,
  heapLimit = getHeapStatistics().heap_size_limit,
): Promise<string | null> {
  let size: number;
  try {
    size = statSync(snapshotPath).size;
  } catch {
    return null;
  }
  const needed = size * HEAP_BYTES_PER_SNAPSHOT_BYTE;
  // Only for what starts like a keysweep file (a leading schemaVersion): anything else gets the
  // loader's one error line alone.
  if (needed <= heapLimit || (await peekLeadingVersion(snapshotPath)) === undefined) return null;
  const suggested = Math.ceil((needed * 1.25) / (1024 * MiB)) * 1024;
  return (
    `keysweep: warning: ${escapeControlCharacters(snapshotPath)} (${Math.round(size / MiB)} MiB) needs about ` +
    `${(needed / (1024 * MiB)).toFixed(1)} GiB of heap and this Node allows ${(heapLimit / (1024 * MiB)).toFixed(1)} GiB ` +
    `(near the limit garbage collection slows the scan down, or it runs out): run with NODE_OPTIONS=--max-old-space-size=${suggested}`
  );
}
