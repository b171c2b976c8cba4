import { createReadStream } from 'node:fs';
import { InputError } from '../input-error.js';
import { type ByteRange, FramingError, JsonArrayFramer } from './json-array-framer.js';

const CHUNK_BYTES = 4 * 2 ** 20;

/**
 * Reads a JSON file whose bulk is one array under a top-level key (a snapshot's `accounts`, a report's
 * `findings`), handing each element to `onElement` as soon as it is complete, parsed but not yet
 * validated (and its text as the file has it), and returning the rest of the document parsed (with that array empty). No string ever
 * holds the whole file, so files over V8's ~512 MB string limit read, and memory is bounded by one
 * element plus what the caller keeps. Errors are one InputError line naming the file.
 */
export async function readJsonArrayStream(
  file: string,
  key: string,
  onElement: (value: unknown, index: number, range: ByteRange, text: string) => void,
  members?: MemberReader,
): Promise<{ rest: unknown; elements: number; arrayFound: boolean }> {
  let elements = 0;
  const framer = new JsonArrayFramer(
    key,
    (parts, index, range) => {
      const text = textOf(parts);
      onElement(parseJson(file, text, `${key}.${index}`), index, range, text);
      elements = index + 1;
    },
    undefined,
    members && {
      key: members.key,
      sink: (parts, index) => {
        // One `"name": value` member, parsed as a one-member object.
        const member = parseJson(file, `{${textOf(parts)}}`, `${members.key} member ${index}`);
        const [name, value] = Object.entries(member as Record<string, unknown>)[0]!;
        members.onMember(name, value);
      },
    },
  );
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
      framer.write(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof FramingError) throw new InputError(`${file}: not valid JSON: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read file (${code ?? String(error)})`);
  }
  const restText = framer.restText();
  if (framer.truncated) {
    throw new InputError(`${file}: not valid JSON: unexpected end of file (truncated?)`);
  }
  return { rest: parseJson(file, restText, null), elements, arrayFound: framer.arrayFound };
}

/**
 * The members of an object under another top-level key, read one at a time and left out of the rest
 * (report.json's `migrations` table: 75 MiB per 100k IAM users, too big to be part of one string).
 */
export interface MemberReader {
  key: string;
  onMember(name: string, value: unknown): void;
}

function textOf(parts: Buffer[]): string {
  return (parts.length === 1 ? parts[0]! : Buffer.concat(parts)).toString('utf8');
}

function parseJson(file: string, text: string, where: string | null): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/\s+/g, ' ')
      .slice(0, 200);
    throw new InputError(`${file}: not valid JSON: ${reason}${where ? ` (in ${where})` : ''}`);
  }
}
