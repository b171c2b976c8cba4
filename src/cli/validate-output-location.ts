import { randomBytes } from 'node:crypto';
import { rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileErrorReason } from '../io/file-error-reason.js';
import { InputError } from '../io/input-error.js';
import { MakeDirectoryError, makeDirectories } from '../io/make-directories.js';
import { trackTemporaryFile } from '../io/temporary-files.js';

const reason = fileErrorReason;

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * Checks, before any AWS call, that report files can be written in `dir`: it is (or can be made) a
 * directory, and a probe file can be created and removed there. Directories made for the check are
 * removed again, so a run that fails later has written nothing.
 */
export async function checkOutputDirectory(flag: string, dir: string): Promise<void> {
  const path = resolve(dir);
  const existing = await statOrNull(path);
  if (existing && !existing.isDirectory())
    throw new InputError(`${flag}: ${path} exists and is not a directory`);
  await withProbe(flag, path, path);
}

/**
 * The same for a single output file (a snapshot): not an existing directory or special file, and its
 * directory writable (the file is written beside itself under a temporary name, then renamed).
 */
export async function checkOutputFile(flag: string, file: string): Promise<void> {
  const path = resolve(file);
  // stat follows a symbolic link: a link to /dev/null is refused like /dev/null itself.
  const existing = await statOrNull(path);
  if (existing?.isDirectory())
    throw new InputError(
      `${flag}: ${path} is a directory; give a file name (e.g. ${join(path, 'keysweep-snapshot.json')})`,
    );
  if (existing && !existing.isFile())
    throw new InputError(`${flag}: ${path} exists and is not a regular file`);
  await withProbe(flag, dirname(path), path);
}

async function withProbe(flag: string, dir: string, named: string): Promise<void> {
  let created: string[] = [];
  try {
    created = await makeDirectories(dir);
    const probe = join(dir, `.keysweep-write-check-${randomBytes(6).toString('hex')}.tmp`);
    const untrack = trackTemporaryFile(probe);
    try {
      await writeFile(probe, '');
    } catch (error) {
      throw new InputError(
        `${flag}: cannot write in ${dir} (${reason((error as NodeJS.ErrnoException).code)})`,
      );
    } finally {
      await rm(probe, { force: true });
      untrack();
    }
  } catch (error) {
    if (error instanceof MakeDirectoryError) {
      created = [...error.created];
      throw new InputError(describeMakeDirectoryError(flag, named, error));
    }
    throw error;
  } finally {
    for (const path of created.reverse()) await rmdir(path).catch(() => undefined);
  }
}

function describeMakeDirectoryError(flag: string, named: string, error: MakeDirectoryError): string {
  if (error.code === 'ENOTDIR')
    return `${flag}: ${named} is under ${error.at}, which is a file, not a directory`;
  const forNamed = error.at === named ? '' : ` for ${named}`;
  return `${flag}: cannot create ${error.at}${forNamed} (${reason(error.code)})`;
}
