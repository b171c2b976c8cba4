import { writeFileAtomic } from '../io/atomic-write.js';
import { describeZodError, InputError } from '../io/input-error.js';
import { readStructuredFile } from '../io/read-structured-file.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, snapshotSchema } from './snapshot-schema.js';
import { upgradeSnapshotV1ToV2 } from './upgrades/snapshot-v1-to-v2.js';

/** Validates unknown data as a snapshot; errors name the file and the first bad field. */
export function parseSnapshot(raw: unknown, file: string): Snapshot {
  // Older files are upgraded in memory; only a newer or foreign version is refused.
  const data = upgradeSnapshotV1ToV2(raw);
  if (typeof data === 'object' && data !== null && 'schemaVersion' in data) {
    const version = (data as { schemaVersion: unknown }).schemaVersion;
    if (version !== SNAPSHOT_SCHEMA_VERSION) {
      throw new InputError(
        `${file}: schemaVersion: ${JSON.stringify(version)} is not supported (this keysweep reads version ${SNAPSHOT_SCHEMA_VERSION})`,
      );
    }
  }
  const result = snapshotSchema.safeParse(data);
  if (!result.success) throw new InputError(describeZodError(file, result.error));
  return result.data;
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  return parseSnapshot(await readStructuredFile(file), file);
}

export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(snapshotSchema.parse(snapshot), null, 2)}\n`);
}
