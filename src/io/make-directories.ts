import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Why a directory could not be made: `code` from the file system, `at` the path it refused, and the
 * directories made before that (for the caller to remove).
 */
export class MakeDirectoryError extends Error {
  constructor(
    readonly code: string,
    readonly at: string,
    readonly created: readonly string[] = [],
  ) {
    super(`${code}: ${at}`);
  }
}

async function kindOf(path: string): Promise<'directory' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: some ancestor is a file; the walk up finds and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new MakeDirectoryError(code ?? 'EIO', path);
  }
}

/**
 * Creates `dir` and its missing parents one level at a time and returns the directories it created,
 * outermost first. Node's `mkdir({ recursive: true })` loops forever where mkdir answers ENOENT for a
 * parent that exists (under /proc, for one); this walk is bounded by the number of path components.
 */
export async function makeDirectories(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const kind = await kindOf(current);
    if (kind === 'directory') break;
    if (kind === 'other') throw new MakeDirectoryError('ENOTDIR', current);
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const created: string[] = [];
  for (const path of missing) {
    try {
      await mkdir(path);
      created.push(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      // Someone else made it meanwhile: fine, as long as it is a directory.
      if (code === 'EEXIST' && (await kindOf(path)) === 'directory') continue;
      throw new MakeDirectoryError(code, path, created);
    }
  }
  return created;
}
