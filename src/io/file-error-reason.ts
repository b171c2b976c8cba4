/** Why the file system refused, in words (for one-line messages). */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted; immutable or protected?',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EFBIG: 'file too large for the file system',
  ENOENT: 'directories cannot be created there',
  ENAMETOOLONG: 'path too long',
  ELOOP: 'too many symbolic links',
};

export function fileErrorReason(code: string | undefined): string {
  return code ? (REASONS[code] ?? code) : 'unknown error';
}

/** Failures of writing that come from where the files go (full disk, quota, permissions), not from keysweep. */
const WRITE_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG', 'EROFS', 'EACCES', 'EPERM']);

/** The error's code when it is such a failure, else undefined. */
export function writeFailureCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && WRITE_FAILURES.has(code) ? code : undefined;
}
