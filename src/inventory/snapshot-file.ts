import type { Snapshot } from './snapshot-schema.js';
import { readSnapshotStream } from './streaming/read-snapshot-stream.js';
import { writeSnapshotStream } from './streaming/write-snapshot-stream.js';

/** Validates unknown data as a snapshot (older versions upgraded); errors name the file and first bad field. */
export { parseSnapshot } from './streaming/read-snapshot-stream.js';

/** Read account by account (see streaming/read-snapshot-stream.ts): files of any size, bounded memory. */
export async function loadSnapshot(file: string): Promise<Snapshot> {
  return readSnapshotStream(file);
}

/** Written account by account (see streaming/write-snapshot-stream.ts), atomically. */
export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const { accounts, ...header } = snapshot;
  await writeSnapshotStream(file, header, accounts);
}
