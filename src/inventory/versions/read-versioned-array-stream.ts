import { open } from 'node:fs/promises';
import type { ByteRange } from '../../io/streaming/json-array-framer.js';
import { type MemberReader, readJsonArrayStream } from '../../io/streaming/read-json-array-stream.js';
import { type JsonDocument, upgradeToCurrent, type VersionChain } from './upgrade-chain.js';

/** Enough for `{` and a leading `"schemaVersion": N,` with any indentation keysweep ever wrote. */
const HEAD_BYTES = 256;
const LEADING_VERSION = /^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*(-?\d+)\s*[,}]/;

/**
 * The schemaVersion a file declares as its first key (as keysweep writes it), read from the file's first
 * bytes before anything else is parsed; undefined when the file does not start that way.
 */
export async function peekLeadingVersion(file: string): Promise<number | undefined> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return leadingVersionOf(head.subarray(0, bytesRead));
  } catch {
    return undefined; // Unreadable: the streaming read that follows words that error.
  } finally {
    await handle?.close();
  }
}

/** The schemaVersion a file's first bytes declare as its first key (see peekLeadingVersion). */
export function leadingVersionOf(fileStart: Buffer): number | undefined {
  const match = LEADING_VERSION.exec(fileStart.subarray(0, HEAD_BYTES).toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

export interface VersionedArrayRead {
  /**
   * The document: when `streamed`, with the array left empty (its elements went to `onCurrentElement`);
   * otherwise with the array's raw elements in place, ready for `upgradeToCurrent` and a whole-document
   * schema check.
   */
  document: unknown;
  streamed: boolean;
  arrayFound: boolean;
}

/**
 * Reads a versioned keysweep file (snapshot, report.json) whose bulk is one array under `key`, deciding
 * from the version in the file's first bytes, before any element is parsed:
 * - the current version: each element goes to `onCurrentElement` as it is read (validated by the caller
 *   one at a time; memory bounded by what the caller keeps);
 * - a newer version: refused in one line at the first element (no need to read the rest);
 * - an older version, or no leading schemaVersion (hand-edited, or foreign): the raw elements are kept and
 *   put back into the document, so the caller runs the upgrade chain and the schema on the whole
 *   document exactly as for a file read in one piece (still never one string of the whole file).
 */
export async function readVersionedArrayStream(
  file: string,
  key: string,
  chain: VersionChain,
  onCurrentElement: (value: unknown, index: number, range: ByteRange, text: string) => void,
  members?: MemberReader,
): Promise<VersionedArrayRead> {
  const version = await peekLeadingVersion(file);
  const streamed = version === chain.current;
  const newer = version !== undefined && version > chain.current;
  const raw: unknown[] = [];
  const rawMembers: Record<string, unknown> = {};
  let membersFound = false;
  const { rest, arrayFound } = await readJsonArrayStream(
    file,
    key,
    (value, index, range, text) => {
      if (streamed) onCurrentElement(value, index, range, text);
      // The array is there, so the file is this kind of keysweep file: the newer-version line applies.
      else if (newer) upgradeToCurrent({ schemaVersion: version, [key]: [] }, file, chain);
      else raw.push(value);
    },
    members && {
      key: members.key,
      onMember(name, value) {
        membersFound = true;
        if (streamed) members.onMember(name, value);
        else rawMembers[name] = value;
      },
    },
  );
  if (!streamed && arrayFound && isObject(rest)) rest[key] = raw;
  // Members of a file that is not streamed go back into its document, like the array's elements.
  if (!streamed && members && membersFound && isObject(rest)) rest[members.key] = rawMembers;
  return { document: rest, streamed, arrayFound };
}

function isObject(value: unknown): value is JsonDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
