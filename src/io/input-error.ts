import type { z } from 'zod';

/** Bad user input (flags, config, snapshot, baseline, waivers): exit code 2 with one clear line. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Formats the first zod issue as "FILE: field.path: message". */
export function describeZodError(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${file}: invalid content`;
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return `${file}: ${path}: ${issue.message}${more}`;
}
