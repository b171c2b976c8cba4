import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileErrorReason, writeFailureCode } from './file-error-reason.js';
import { InputError } from './input-error.js';
import { makeDirectories } from './make-directories.js';
import { trackTemporaryFile } from './temporary-files.js';

/** Whole content, or chunks written one after another (for reports larger than one string may be). */
export type FileContent = string | Uint8Array | Iterable<string>;

/**
 * Writes chunk after chunk, each pulled from the source only when the stream has room (a chunk becomes
 * bytes at once, its string is garbage right away), with up to 1 MiB in flight so the next chunk is
 * rendered while the file takes the previous one: at 100k IAM users the main thread had ~2 s of idle
 * waits on the disk, about 1 s less this way (a Readable.from pipeline with a 16 KiB stream buffer).
 */
async function writeContent(path: string, content: FileContent, mode?: number): Promise<void> {
  const source = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  const stream = createWriteStream(path, { highWaterMark: 2 ** 20, ...(mode !== undefined ? { mode } : {}) });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  try {
    for (const chunk of source) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    }
  } catch (error) {
    stream.destroy();
    // Until the stream is closed its file may still be opening: removed before that, it would reappear.
    await finished(stream).catch(() => undefined);
    throw error;
  }
  stream.end();
  await Promise.race([finished(stream), failed]);
}

function tempNameBeside(path: string): string {
  return join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes a file so that readers see either the old content or the whole new content, never a part. */
export async function writeFileAtomic(path: string, content: FileContent, mode?: number): Promise<void> {
  await writeFilesAtomic([{ path, content, ...(mode !== undefined ? { mode } : {}) }]);
}

/**
 * Writes several files all-or-nothing as far as the file system allows: every file is rendered and
 * written to a temporary name first, and only renamed into place once all of them were written.
 */
export async function writeFilesAtomic(
  files: ReadonlyArray<{ path: string; content: FileContent; mode?: number }>,
): Promise<void> {
  const staged: Array<{ temp: string; path: string; untrack: () => void }> = [];
  try {
    for (const file of files) {
      // Not mkdir({ recursive: true }): it never returns for some paths (under /proc).
      await makeDirectories(dirname(file.path));
      const temp = tempNameBeside(file.path);
      // Removed on Ctrl-C or SIGTERM too, not only when a write fails.
      staged.push({ temp, path: file.path, untrack: trackTemporaryFile(temp) });
      await writeContent(temp, file.content, file.mode);
    }
    for (const { temp, path, untrack } of staged) {
      await rename(temp, path);
      untrack();
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    for (const { untrack } of staged) untrack();
    // A full disk or a quota is the machine's, not a bug: one line naming the file (exit 2), nothing left.
    const code = writeFailureCode(error);
    const failed = staged.at(-1)?.path;
    if (code && failed) throw new InputError(`cannot write ${failed}: ${fileErrorReason(code)} (${code})`);
    throw error;
  }
}
