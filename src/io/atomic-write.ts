import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { makeDirectories } from './make-directories.js';

/** Whole content, or chunks written one after another (for reports larger than one string may be). */
export type FileContent = string | Uint8Array | Iterable<string>;

async function writeContent(path: string, content: FileContent): Promise<void> {
  const source = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  await pipeline(Readable.from(source), createWriteStream(path));
}

function tempNameBeside(path: string): string {
  return join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes a file so that readers see either the old content or the whole new content, never a part. */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  await writeFilesAtomic([{ path, content }]);
}

/**
 * Writes several files all-or-nothing as far as the file system allows: every file is rendered and
 * written to a temporary name first, and only renamed into place once all of them were written.
 */
export async function writeFilesAtomic(
  files: ReadonlyArray<{ path: string; content: FileContent }>,
): Promise<void> {
  const staged: Array<{ temp: string; path: string }> = [];
  try {
    for (const file of files) {
      // Not mkdir({ recursive: true }): it never returns for some paths (under /proc).
      await makeDirectories(dirname(file.path));
      const temp = tempNameBeside(file.path);
      staged.push({ temp, path: file.path });
      await writeContent(temp, file.content);
    }
    for (const { temp, path } of staged) await rename(temp, path);
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
