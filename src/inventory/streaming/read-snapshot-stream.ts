import { describeZodError, InputError } from '../../io/input-error.js';
import type { ByteRange } from '../../io/streaming/json-array-framer.js';
import { type Account, accountSchema, type Snapshot, snapshotSchema } from '../snapshot-schema.js';
import { assertLooksLikeSnapshot } from '../snapshot-shape.js';
import { UNCHANGED } from '../unchanged-check/compile-unchanged-check.js';
import { accountUnchanged } from '../unchanged-check/snapshot-checks.js';
import {
  readVersionedArrayStream,
  type VersionedArrayRead,
} from '../versions/read-versioned-array-stream.js';
import { SNAPSHOT_VERSIONS } from '../versions/snapshot-versions.js';
import { upgradeToCurrent } from '../versions/upgrade-chain.js';
import { checkAccountsListedOnce } from './accounts-listed-once.js';
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
 * The version is read from the file's first bytes first: a newer one is refused at the first account; an
 * older one (or none up front) is read raw and goes through the upgrade chain and zod as a whole document.
 * `keep` chooses what is held of each validated account (merge keeps its facts and where it is in the
 * file); accounts of a file that is not streamed are held whole.
 */
export async function readSnapshotStream(
  file: string,
  keep: (account: Account, range: ByteRange) => Account = (account) => account,
): Promise<Snapshot> {
  const intake = new AccountIntake(file, keep);
  const read = await readVersionedArrayStream(file, 'accounts', SNAPSHOT_VERSIONS, (value, index, range) =>
    intake.add(value, index, range),
  );
  return finishSnapshot(file, read, intake);
}

/**
 * Validates a snapshot's accounts one at a time, in file order, keeping what `keep` makes of each and the
 * first error. An account zod would return unchanged (nearly all: see compileUnchangedCheck) is kept as
 * parsed, without zod's copy; any other goes through zod, which words its error.
 */
export class AccountIntake {
  readonly accounts: Account[] = [];
  error: string | null = null;

  constructor(
    private readonly file: string,
    private readonly keep: (account: Account, range: ByteRange) => Account,
  ) {}

  add(value: unknown, index: number, range: ByteRange): void {
    if (this.error) return;
    if (accountUnchanged(value) === UNCHANGED) {
      this.accounts.push(this.keep(value as Account, range));
      return;
    }
    const parsed = accountSchema.safeParse(value);
    if (parsed.success) this.accounts.push(this.keep(parsed.data, range));
    else this.error = describeZodError(this.file, parsed.error, ['accounts', index]);
  }
}

/**
 * The snapshot once its accounts went through `intake`: `read.document` is the rest of the file (accounts
 * array empty) when `streamed`, else the whole document of an older version, upgraded and validated whole.
 */
export function finishSnapshot(file: string, read: VersionedArrayRead, intake: AccountIntake): Snapshot {
  if (!read.streamed) {
    const whole = parseSnapshot(read.document, file);
    checkAccountsListedOnce(file, whole.accounts);
    return whole;
  }
  const rest = read.document;
  assertLooksLikeSnapshot(rest, file);
  upgradeToCurrent(rest, file, SNAPSHOT_VERSIONS); // Current version: only checks it.
  const header = headerSchema.safeParse(rest);
  if (!header.success && FIELDS_BEFORE_ACCOUNTS.has(String(header.error.issues[0]?.path[0]))) {
    throw new InputError(describeZodError(file, header.error));
  }
  if (!read.arrayFound) {
    // No accounts array (missing, or not an array): the whole-schema check words that error.
    const whole = snapshotSchema.safeParse(rest);
    if (!whole.success) throw new InputError(describeZodError(file, whole.error));
  }
  if (intake.error) throw new InputError(intake.error);
  if (!header.success) throw new InputError(describeZodError(file, header.error));
  checkAccountsListedOnce(file, intake.accounts);
  return assembleSnapshot(header.data, intake.accounts);
}

/**
 * Validates unknown data as a snapshot: "not a keysweep snapshot" in words first, an older version
 * upgraded in memory, a newer or foreign one refused in one line; then zod names the first bad field.
 */
export function parseSnapshot(data: unknown, file: string): Snapshot {
  assertLooksLikeSnapshot(data, file);
  const result = snapshotSchema.safeParse(upgradeToCurrent(data, file, SNAPSHOT_VERSIONS));
  if (!result.success) throw new InputError(describeZodError(file, result.error));
  return result.data;
}
