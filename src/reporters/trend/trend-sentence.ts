import type { TrendReport } from '../../history/trend-model.js';

const DAY_MS = 86_400_000;

/** report.md's one line: this scan against the one before it in the history file. */
export function trendSentence(trend: TrendReport): string {
  const latest = trend.scans.at(-1);
  const previous = trend.scans.at(-2);
  if (!latest) return 'Trend: no scan in the history file yet.';
  if (!previous) return 'Trend: the first scan in the history file; the next one shows the change.';
  const days = Math.round((Date.parse(latest.takenAt) - Date.parse(previous.takenAt)) / DAY_MS);
  const when =
    days === 7 ? 'last week' : `the scan of ${previous.takenAt.slice(0, 10)} (${days} days earlier)`;
  const users =
    latest.humanIamUsers === null || previous.humanIamUsers === null
      ? 'IAM users of people not known for both scans'
      : latest.humanIamUsers === previous.humanIamUsers
        ? `as many IAM users of people (${latest.humanIamUsers}) as ${when}`
        : `${Math.abs(latest.humanIamUsers - previous.humanIamUsers)} ${latest.humanIamUsers < previous.humanIamUsers ? 'fewer' : 'more'} IAM users of people than ${when} (${latest.humanIamUsers} left)`;
  return `Trend: ${users}; ${latest.fixed} findings fixed, ${latest.new} new, ${latest.reopened} reopened.`;
}
