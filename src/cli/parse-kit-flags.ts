import { InputError } from '../io/input-error.js';
import { parsePositiveInt } from './parse-flags.js';

/**
 * Ten years: the runbook dates the deletion (`--now` + days), and a date far enough out is not a date at
 * all ("Invalid time value" past the year 275760); no one schedules the deletion of an IAM user later.
 */
export const MAX_DELETE_AFTER_DAYS = 3650;

export function parseDeleteAfterDays(value: string): number {
  const days = parsePositiveInt('--delete-after-days', value);
  if (days > MAX_DELETE_AFTER_DAYS)
    throw new InputError(`--delete-after-days: ${days} is more than ${MAX_DELETE_AFTER_DAYS} (ten years)`);
  return days;
}

/**
 * `--scp-exempt-role '*'` (or `**`, `?*`, a path of stars) matches every role, so the SCP that stops new IAM users and
 * keys would stop nothing: refused rather than written as a guardrail that is not one.
 */
export function refuseExemptingEveryRole(values: readonly string[]): readonly string[] {
  const everyRole = values.find((value) => /^[*?/]+$/.test(value) && value.includes('*'));
  if (everyRole !== undefined)
    throw new InputError(
      `--scp-exempt-role: "${everyRole}" matches every role, so the SCP would deny nothing; name the roles that may create IAM users`,
    );
  return values;
}
