import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileErrorReason, writeFailureCode } from './file-error-reason.js';
import { InputError } from './input-error.js';
import { makeDirectories } from './make-directories.js';
import { trackTemporaryFile } from './temporary-files.js';

/**
 * Whether `dir` may be replaced whole: it does not exist, is empty, or `isOurs` recognises its content
 * (a previous run's output). Anything else is someone's directory, never deleted.
 */
export async function replaceableDirectory(
  dir: string,
  isOurs: (dir: string) => Promise<boolean>,
): Promise<boolean> {
  const info = await stat(dir).catch(() => null);
  if (!info) return true;
  if (!info.isDirectory()) return false;
  if ((await readdir(dir)).length === 0) return true;
  return isOurs(dir);
}

/**
 * Writes a directory of files so that it replaces `dir` whole: everything goes to a new directory beside
 * it first; only when all of it is written is the old one moved aside and the new one renamed into
 * place, then the old one removed. No file of the old content survives, and a failure before the swap
 * leaves the old directory as it was (the partial new one is removed).
 */
export async function replaceDirectory(
  dir: string,
  files: ReadonlyArray<{ path: string; content: string }>,
): Promise<void> {
  const parent = dirname(dir);
  await makeDirectories(parent);
  const suffix = randomBytes(6).toString('hex');
  const staging = join(parent, `.${basename(dir)}.new-${suffix}`);
  const old = join(parent, `.${basename(dir)}.old-${suffix}`);
  // Removed however the process ends (Ctrl-C while a large kit is written included) until it is renamed.
  const untrack = trackTemporaryFile(staging);
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      await makeDirectories(dirname(path));
      await writeFile(path, file.content);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    untrack();
    const code = writeFailureCode(error);
    if (code) throw new InputError(`cannot write ${dir}: ${fileErrorReason(code)} (${code})`);
    throw error;
  }
  const hadOld = await stat(dir).then(
    () => true,
    () => false,
  );
  if (hadOld) await rename(dir, old);
  try {
    await rename(staging, dir);
  } catch (error) {
    if (hadOld) await rename(old, dir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    untrack();
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/** A previous kit: its plan.json says keysweep wrote it. */
export async function looksLikeKeysweepKit(dir: string): Promise<boolean> {
  try {
    const plan = JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')) as { tool?: { name?: string } };
    return plan.tool?.name === 'keysweep';
  } catch {
    return false;
  }
}
