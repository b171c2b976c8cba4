import { isAscii } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../../io/input-error.js';
import type { Snapshot } from '../snapshot-schema.js';
import { leadingVersionOf, type VersionedArrayRead } from '../versions/read-versioned-array-stream.js';
import { SNAPSHOT_VERSIONS } from '../versions/snapshot-versions.js';
import { AccountIntake, finishSnapshot } from './read-snapshot-stream.js';

const NO_RANGE = { start: 0, end: 0 };

/**
 * Reads a snapshot below `maxBytes` with one JSON.parse of the whole file, then exactly what
 * readSnapshotStream does with what its framer hands over (each account validated in order, the rest
 * checked and assembled): the same snapshot, at the cost of one parse instead of framing the file byte by
 * byte in JavaScript and parsing it again account by account.
 *
 * Returns undefined whenever the streamed reader must decide: a file too large (or unreadable), one that
 * is not valid JSON, one the streamed reader would frame differently (below), and every file that is
 * refused, so each error message is the streamed reader's, word for word.
 */
export async function readSnapshotWhole(file: string, maxBytes: number): Promise<Snapshot | undefined> {
  const parsed = await parseWholeFile(file, maxBytes);
  if (!parsed) return undefined;
  const { document, version } = parsed;
  // A newer version is refused by the streamed reader, at its first account.
  if (version !== undefined && version > SNAPSHOT_VERSIONS.current) return undefined;
  try {
    return finishSnapshot(file, ...asStreamed(document, version === SNAPSHOT_VERSIONS.current, file));
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** The file parsed, and the version its first bytes declare; its bytes and text are garbage on return. */
async function parseWholeFile(
  file: string,
  maxBytes: number,
): Promise<{ document: unknown; version: number | undefined } | undefined> {
  let bytes: Buffer | null;
  try {
    if ((await stat(file)).size >= maxBytes) return undefined;
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  if (bytes.length >= maxBytes || !oneAccountsArrayKey(bytes)) return undefined;
  const version = leadingVersionOf(bytes);
  // An all-ASCII file (as keysweep writes names: JSON.stringify leaves them as UTF-8) decodes the same as
  // Latin-1, which is a copy where UTF-8 decoding checks every byte.
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  bytes = null; // Let the collector have the buffer while JSON.parse builds the document.
  try {
    return { document: JSON.parse(text), version };
  } catch {
    return undefined;
  }
}

/**
 * What readVersionedArrayStream would have handed over for this document: for the current version, the
 * accounts one by one (validated here) and the rest with the array left empty; else the whole document.
 */
function asStreamed(document: unknown, streamed: boolean, file: string): [VersionedArrayRead, AccountIntake] {
  const intake = new AccountIntake(file, (account) => account);
  if (!streamed) return [{ document, streamed, arrayFound: accountsOf(document) !== undefined }, intake];
  const accounts = accountsOf(document);
  if (!accounts) return [{ document, streamed, arrayFound: false }, intake];
  for (let index = 0; index < accounts.length; index += 1) intake.add(accounts[index], index, NO_RANGE);
  // Spreading keeps the key order: `accounts` stays where it was, now empty, as in the framer's rest.
  return [{ document: { ...(document as object), accounts: [] }, streamed, arrayFound: true }, intake];
}

function accountsOf(document: unknown): unknown[] | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const accounts = (document as { accounts?: unknown }).accounts;
  return Array.isArray(accounts) ? accounts : undefined;
}

const ACCOUNTS_KEY = Buffer.from('"accounts"');

/**
 * The framer frames the first top-level `"accounts"` key whose bytes are exactly that and whose value is
 * an array; JSON.parse keeps the last such key, also when written with escapes. They agree when the file
 * has exactly one `"accounts"` followed by `[` (as every file keysweep writes: the organization's root audit
 * has an `"accounts"` object, not an array). Any other file is left to the streamed reader.
 */
function oneAccountsArrayKey(bytes: Buffer): boolean {
  let arrays = 0;
  for (let at = bytes.indexOf(ACCOUNTS_KEY); at !== -1; at = bytes.indexOf(ACCOUNTS_KEY, at + 1)) {
    let i = skipSpace(bytes, at + ACCOUNTS_KEY.length);
    if (bytes[i] !== 0x3a) continue; // a value "accounts", not a key
    i = skipSpace(bytes, i + 1);
    if (bytes[i] === 0x5b) arrays += 1;
  }
  return arrays === 1;
}

function skipSpace(bytes: Buffer, from: number): number {
  let i = from;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i += 1;
  return i;
}
