import { describeZodError, InputError } from '../../io/input-error.js';
import { readJsonArrayStream } from '../../io/streaming/read-json-array-stream.js';
import {
  type Account,
  accountSchema,
  SNAPSHOT_SCHEMA_VERSION,
  type Snapshot,
  snapshotSchema,
} from '../snapshot-schema.js';
import { assembleSnapshot } from './snapshot-key-order.js';

const headerSchema = snapshotSchema.omit({ accounts: true });
/** Snapshot fields the schema lists before `accounts`: their errors are reported before an account's. */
const FIELDS_BEFORE_ACCOUNTS = new Set(
  Object.keys(snapshotSchema.shape).slice(0, Object.keys(snapshotSchema.shape).indexOf('accounts')),
);

/**
 * Reads a snapshot file account by account: each account is parsed and validated (zod) as soon as it is
 * read, so memory holds the validated inventory and one raw account, never the file as a string (which
 * fails past ~512 MB). Errors read as before: `FILE: field.path: message`, the first one in schema order.
 */
export async function readSnapshotStream(file: string): Promise<Snapshot> {
  const accounts: Account[] = [];
  let accountError: string | null = null;
  const { rest, arrayFound } = await readJsonArrayStream(file, 'accounts', (value, index) => {
    if (accountError) return;
    const parsed = accountSchema.safeParse(value);
    if (parsed.success) accounts.push(parsed.data);
    else accountError = describeZodError(file, parsed.error, ['accounts', index]);
  });
  checkSnapshotVersion(rest, file);
  const header = headerSchema.safeParse(rest);
  if (!header.success && FIELDS_BEFORE_ACCOUNTS.has(String(header.error.issues[0]?.path[0]))) {
    throw new InputError(describeZodError(file, header.error));
  }
  if (!arrayFound) {
    // No accounts array (missing, or not an array): the whole-schema check words that error.
    const whole = snapshotSchema.safeParse(rest);
    if (!whole.success) throw new InputError(describeZodError(file, whole.error));
  }
  if (accountError) throw new InputError(accountError);
  if (!header.success) throw new InputError(describeZodError(file, header.error));
  return assembleSnapshot(header.data, accounts);
}

/** A newer or foreign snapshot version gets its own message rather than a schema error. */
export function checkSnapshotVersion(data: unknown, file: string): void {
  if (typeof data !== 'object' || data === null || !('schemaVersion' in data)) return;
  const version = (data as { schemaVersion: unknown }).schemaVersion;
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new InputError(
      `${file}: schemaVersion: ${JSON.stringify(version)} is not supported (this keysweep reads version ${SNAPSHOT_SCHEMA_VERSION})`,
    );
  }
}
