import type { TrendProjection, TrendScan } from './trend-model.js';

const DAY_MS = 86_400_000;
/** The recent rate: the scans of the last 90 days before the latest one (at least the last two). */
const WINDOW_DAYS = 90;

/**
 * When the last IAM user of a person would be gone at the recent rate: a straight line through the
 * first and last scan of the window, stated as a projection (people are not removed at a steady rate).
 */
export function projectBurndown(scans: readonly TrendScan[]): TrendProjection | null {
  const known = scans.filter((s) => s.humanIamUsers !== null);
  const latest = known.at(-1);
  if (!latest || known.length < 2) return null;
  const latestMs = Date.parse(latest.takenAt);
  const inWindow = known.filter((s) => latestMs - Date.parse(s.takenAt) <= WINDOW_DAYS * DAY_MS);
  const from = inWindow.length >= 2 ? inWindow[0]! : known.at(-2)!;
  const days = (latestMs - Date.parse(from.takenAt)) / DAY_MS;
  if (days <= 0) return null;
  const removed = from.humanIamUsers! - latest.humanIamUsers!;
  const perWeek = Math.round((removed / days) * 7 * 10) / 10;
  const basis = { basisFrom: from.takenAt, basisTo: latest.takenAt };
  const rateText = `from ${day(from.takenAt)} to ${day(latest.takenAt)}`;
  if (latest.humanIamUsers === 0)
    return {
      perWeek,
      ...basis,
      finishDate: day(latest.takenAt),
      statement: 'No IAM users of people remain: the migration is done.',
    };
  if (removed <= 0)
    return {
      perWeek,
      ...basis,
      finishDate: null,
      statement: `No projected finish: IAM users of people did not decrease ${rateText}.`,
    };
  const finish = new Date(latestMs + (latest.humanIamUsers! / (removed / days)) * DAY_MS);
  return {
    perWeek,
    ...basis,
    finishDate: day(finish.toISOString()),
    statement: `Projection, not a promise: at the rate ${rateText} (${perWeek} IAM users of people fewer a week), the last would be gone around ${day(finish.toISOString())}.`,
  };
}

const day = (iso: string) => iso.slice(0, 10);
