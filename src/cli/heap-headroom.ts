import { statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { peekLeadingVersion } from '../inventory/versions/read-versioned-array-stream.js';
import { escapeControlCharacters } from '../io/escape-control-characters.js';

/**
 * Heap a scan needs per byte of snapshot file, measured with `npm run bench` (synthetic organizations of
 * 100k–1M IAM users, ~3.9 findings a user, all five formats): the whole inventory is held while the rules
 * run; findings of a large snapshot go to disk (src/reporters/spool). At 1M users (1015 MiB) the scan
 * peaked at 3.2–3.6 GiB RSS in the default 4 GiB heap.
 */
export const HEAP_BYTES_PER_SNAPSHOT_BYTE = 3.5;

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
