import { statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { escapeControlCharacters } from '../io/escape-control-characters.js';

/**
 * Heap a scan needs per byte of snapshot file, measured with `npm run bench` (synthetic organizations of
 * 100k–1M IAM users, ~3.9 findings a user, all five formats): the whole inventory and every finding are
 * held in memory until the reports are written.
 */
export const HEAP_BYTES_PER_SNAPSHOT_BYTE = 5;

const MiB = 2 ** 20;

/**
 * One line telling the user, before a long load, that this snapshot will likely not fit in the heap this
 * Node allows (V8 then spends minutes collecting garbage before it aborts), and what to run instead;
 * null when it fits or the file cannot be read (the load reports that).
 */
export function heapHeadroomWarning(
  snapshotPath: string,
  heapLimit = getHeapStatistics().heap_size_limit,
): string | null {
  let size: number;
  try {
    size = statSync(snapshotPath).size;
  } catch {
    return null;
  }
  const needed = size * HEAP_BYTES_PER_SNAPSHOT_BYTE;
  if (needed <= heapLimit) return null;
  const suggested = Math.ceil((needed * 1.25) / (1024 * MiB)) * 1024;
  return (
    `keysweep: warning: ${escapeControlCharacters(snapshotPath)} (${Math.round(size / MiB)} MiB) needs about ` +
    `${(needed / (1024 * MiB)).toFixed(1)} GiB of heap and this Node allows ${(heapLimit / (1024 * MiB)).toFixed(1)} GiB: ` +
    `run with NODE_OPTIONS=--max-old-space-size=${suggested}`
  );
}
