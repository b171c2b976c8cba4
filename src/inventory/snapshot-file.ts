import { writeFileAtomic } from '../io/atomic-write.js';
import { describeZodError, InputError } from '../io/input-error.js';
import { readStructuredFile } from '../io/read-structured-file.js';
import { type Snapshot, snapshotSchema } from './snapshot-schema.js';
import { assertLooksLikeSnapshot } from './snapshot-shape.js';
import { SNAPSHOT_VERSIONS } from './versions/snapshot-versions.js';
import { upgradeToCurrent } from './versions/upgrade-chain.js';

/** Validates unknown data as a snapshot; errors name the file and the first bad field. */
export function parseSnapshot(data: unknown, file: string): Snapshot {
  assertLooksLikeSnapshot(data, file);
  // An older snapshot is upgraded in memory; a newer or foreign one is refused in one line.
  const result = snapshotSchema.safeParse(upgradeToCurrent(data, file, SNAPSHOT_VERSIONS));
  if (!result.success) throw new InputError(describeZodError(file, result.error));
  return result.data;
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  return parseSnapshot(await readStructuredFile(file), file);
}

export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(snapshotSchema.parse(snapshot), null, 2)}\n`);
}
