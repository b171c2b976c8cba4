import { describeZodError, InputError } from '../io/input-error.js';
import { type Snapshot, snapshotSchema } from './snapshot-schema.js';
import { checkSnapshotVersion, readSnapshotStream } from './streaming/read-snapshot-stream.js';
import { writeSnapshotStream } from './streaming/write-snapshot-stream.js';

/** Validates unknown data as a snapshot; errors name the file and the first bad field. */
export function parseSnapshot(data: unknown, file: string): Snapshot {
  checkSnapshotVersion(data, file);
  const result = snapshotSchema.safeParse(data);
  if (!result.success) throw new InputError(describeZodError(file, result.error));
  return result.data;
}

/** Read account by account (see streaming/read-snapshot-stream.ts): files of any size, bounded memory. */
export async function loadSnapshot(file: string): Promise<Snapshot> {
  return readSnapshotStream(file);
}

/** Written account by account (see streaming/write-snapshot-stream.ts), atomically. */
export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const { accounts, ...header } = snapshot;
  await writeSnapshotStream(file, header, accounts);
}
