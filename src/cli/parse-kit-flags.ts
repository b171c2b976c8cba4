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
