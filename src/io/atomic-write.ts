import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileErrorReason, writeFailureCode } from './file-error-reason.js';
import { InputError } from './input-error.js';
import { makeDirectories } from './make-directories.js';
import { trackTemporaryFile } from './temporary-files.js';
import { releaseChunk } from './utf8-chunks.js';

/**
 * Whole content, or chunks (text or UTF-8 bytes) written one after another (for reports larger than one
 * string may be).
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** Chunks queued for the file at once: the renderer fills the next ones while the file takes the first. */
const CHUNKS_QUEUED = 4;

/**
 * Writes chunk after chunk, each pulled from the source only when fewer than CHUNKS_QUEUED chunks wait
 * for the file (a text chunk becomes bytes at once, its string is garbage right away). One write at a
 * time: concurrent writes to one file contend for its lock in the kernel (measured ~2× slower here). A
 * chunk from the shared pool (Utf8Chunks) goes back to it once written: at 100k IAM users a fresh
 * buffer per chunk was ~700 MB of external memory whose accounting made V8 run full collections.
 */
async function writeContent(path: string, content: FileContent, mode?: number): Promise<void> {
  const source = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  const handle = await open(path, 'w', mode);
  const queued: Array<Promise<void>> = [];
  let last: Promise<void> = Promise.resolve();
  try {
    let position = 0;
    for (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (bytes.length === 0) continue;
      const at = position;
      last = last.then(() => writeWhole(handle, bytes, at)).then(() => releaseChunk(bytes));
      // Awaited in turn below; marked handled now, so a failure while an earlier write is awaited is no crash.
      last.catch(() => undefined);
      queued.push(last);
      position += bytes.length;
      if (queued.length >= CHUNKS_QUEUED) await queued.shift();
    }
    await last;
  } catch (error) {
    // No write may still be running on the handle when it is closed (and the file removed).
    await last.catch(() => undefined);
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** A write may take fewer bytes than given (a signal, a file size limit): the rest is written after it. */
async function writeWhole(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten === 0) throw new Error(`no bytes written at offset ${position + done}`);
    done += bytesWritten;
  }
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
