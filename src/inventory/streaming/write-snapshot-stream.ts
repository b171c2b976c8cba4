import { writeFileAtomic } from '../../io/atomic-write.js';
import { type Account, accountSchema, snapshotSchema } from '../snapshot-schema.js';
import { assembleSnapshot, type SnapshotHeader } from './snapshot-key-order.js';

export type { SnapshotHeader };

const headerSchema = snapshotSchema.omit({ accounts: true });
const ACCOUNTS_MARKER = '"accounts": []';
/** Accounts per chunk handed to the file stream: few stream writes, no string near V8's limit. */
const ACCOUNTS_PER_CHUNK = 20;

/**
 * The snapshot as JSON.stringify(snapshot, null, 2) would print it, produced account by account so no
 * string ever holds more than a few accounts (a 1M-user snapshot is over 1 GB, past V8's string limit).
 * Each account is validated as it is written, so a bad one never reaches the file.
 */
export function* snapshotChunks(header: SnapshotHeader, accounts: Iterable<Account>): Generator<string> {
  const shell = JSON.stringify(assembleSnapshot(headerSchema.parse(header), []), null, 2);
  const at = shell.indexOf(ACCOUNTS_MARKER);
  if (at < 0) throw new Error('snapshot header has no accounts field');
  let batch: string[] = [];
  let written = 0;
  yield `${shell.slice(0, at)}"accounts": [`;
  for (const account of accounts) {
    batch.push(`${written === 0 ? '' : ','}\n${indentedAccount(accountSchema.parse(account))}`);
    written += 1;
    if (batch.length >= ACCOUNTS_PER_CHUNK) {
      yield batch.join('');
      batch = [];
    }
  }
  yield `${batch.join('')}${written === 0 ? ']' : '\n  ]'}${shell.slice(at + ACCOUNTS_MARKER.length)}\n`;
}

/**
 * One account at the depth it has inside the snapshot (4 spaces), without a regex pass over the text:
 * stringify it inside a wrapper of that depth and cut the wrapper off.
 */
function indentedAccount(account: Account): string {
  const wrapped = JSON.stringify({ accounts: [account] }, null, 2);
  return wrapped.slice(WRAPPER_HEAD.length, wrapped.length - WRAPPER_TAIL.length);
}
const WRAPPER_HEAD = '{\n  "accounts": [\n';
const WRAPPER_TAIL = '\n  ]\n}';

/** Writes a snapshot atomically (temporary file, then rename) from a header and accounts produced lazily. */
export async function writeSnapshotStream(
  file: string,
  header: SnapshotHeader,
  accounts: Iterable<Account>,
): Promise<void> {
  await writeFileAtomic(file, snapshotChunks(header, accounts));
}
