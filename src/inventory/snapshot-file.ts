import { getHeapStatistics } from 'node:v8';
import { LARGE_SNAPSHOT_BYTES } from '../io/large-snapshot.js';
import type { Snapshot } from './snapshot-schema.js';
import { readSnapshotStream } from './streaming/read-snapshot-stream.js';
import { readSnapshotWhole } from './streaming/read-snapshot-whole.js';
import { writeSnapshotStream } from './streaming/write-snapshot-stream.js';

/** Validates unknown data as a snapshot (older versions upgraded); errors name the file and first bad field. */
export { parseSnapshot } from './streaming/read-snapshot-stream.js';

/**
 * Below the large-snapshot size, parsed whole (streaming/read-snapshot-whole.ts: one JSON.parse, the same
 * snapshot and the same errors); from it on, or whenever the whole read leaves it to the streamed one, read
 * account by account (streaming/read-snapshot-stream.ts): files of any size, bounded memory.
 */
export async function loadSnapshot(file: string): Promise<Snapshot> {
  return (await readSnapshotWhole(file, wholeReadLimit())) ?? readSnapshotStream(file);
}

/**
 * Heap a whole read wants per snapshot byte: what a scan holds (1.5, cli/heap-headroom.ts) plus the file's
 * text while JSON.parse builds the document.
 */
const WHOLE_READ_HEAP_BYTES_PER_SNAPSHOT_BYTE = 2.5;

/** Files from this size on are streamed: the large-snapshot size, less when this Node's heap is small. */
export function wholeReadLimit(heapLimit = getHeapStatistics().heap_size_limit): number {
  return Math.min(LARGE_SNAPSHOT_BYTES, Math.floor(heapLimit / WHOLE_READ_HEAP_BYTES_PER_SNAPSHOT_BYTE));
}

/** Written account by account (see streaming/write-snapshot-stream.ts), atomically. */
export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const { accounts, ...header } = snapshot;
  await writeSnapshotStream(file, header, accounts);
}
