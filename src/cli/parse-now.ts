import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';

// A full date-time with an explicit zone: without one, `new Date()` reads the local zone and results
// would depend on the machine's TZ.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

const EXAMPLE = 'e.g. 2026-12-01T00:00:00Z or 2026-12-01T09:00:00+02:00';

/**
 * `--now`: a real instant with `Z` or an offset. `Date` rolls 2026-02-30 over to March 2 without a word;
 * here every field is checked against the calendar instead.
 */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const match = INSTANT.exec(value);
  if (!match) {
    const reason = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? 'is a date without a time and zone (for midnight UTC: add T00:00:00Z)'
      : /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value)
        ? 'has no time zone: add Z (UTC) or an offset'
        : 'is not an ISO-8601 date-time with a time zone';
    throw new InputError(`--now: "${value}" ${reason} (${EXAMPLE})`);
  }
  const [, y, mo, d, h, mi, s = '0', , oh = '0', om = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  )
    throw new InputError(`--now: "${value}" is not a calendar date (${EXAMPLE})`);
  if (hour > 23 || minute > 59 || second > 59 || Number(oh) > 23 || Number(om) > 59)
    throw new InputError(`--now: "${value}" has a time or offset out of range (${EXAMPLE})`);
  return new Date(value);
}

/**
 * Evaluating a snapshot at a clock earlier than its collection would make recent activity look like it
 * happened "0 days ago" (or in the future): refused, whether the clock came from --now or the machine.
 */
export function checkNowNotBeforeCollection(
  now: Date,
  snapshot: Pick<Snapshot, 'collectedAt'>,
  file: string,
  nowFromFlag = true,
): void {
  const collectedAt = new Date(snapshot.collectedAt);
  if (now.getTime() >= collectedAt.getTime()) return;
  const clock = nowFromFlag
    ? `--now: ${now.toISOString()}`
    : `the clock of this machine (${now.toISOString()})`;
  throw new InputError(
    `${clock} is before ${file} was collected (collectedAt ${snapshot.collectedAt}); give a --now at or after it`,
  );
}
