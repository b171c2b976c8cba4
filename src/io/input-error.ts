import type { z } from 'zod';

/** Bad user input (flags, config, snapshot, baseline, waivers): exit code 2 with one clear line. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/**
 * Formats the first zod issue as "FILE: field.path: message"; `at` prefixes the path when only a part of
 * the file was validated (one account of a snapshot read as a stream).
 */
export function describeZodError(file: string, error: z.ZodError, at: readonly PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (!issue) return `${file}: invalid content`;
  const fullPath = [...at, ...issue.path];
  const path = fullPath.length > 0 ? fullPath.map(String).join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return `${file}: ${path}: ${issue.message}${more}`;
}
