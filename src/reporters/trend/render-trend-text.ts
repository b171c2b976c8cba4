import { stringify } from 'csv-stringify/sync';
import { SEVERITIES } from '../../findings/severity.js';
import type { TrendCounts, TrendReport } from '../../history/trend-model.js';
import { cell } from '../markdown/markdown-text.js';

/*
 * `keysweep trend` as Markdown (a CI job summary), CSV (one row per scan and scope) and JSON (the
 * TrendReport itself).
 */

const n = (value: number | null) => (value === null ? '—' : String(value));
const day = (iso: string) => iso.slice(0, 10);

export function renderTrendJson(trend: TrendReport): string {
  return `${JSON.stringify(trend, null, 2)}\n`;
}

export function renderTrendMarkdown(trend: TrendReport): string {
  const lines: string[] = ['# keysweep trend: the migration to IAM Identity Center', ''];
  const scope = [
    trend.filter.accounts.length ? `accounts ${trend.filter.accounts.join(', ')}` : '',
    trend.filter.ous.length ? `OUs ${trend.filter.ous.join(', ')}` : '',
    trend.filter.since ? `since ${day(trend.filter.since)}` : '',
  ].filter(Boolean);
  if (scope.length) lines.push(`Scope: ${cell(scope.join('; '))}.`, '');
  if (trend.scans.length === 0) {
    lines.push('No scans recorded in this range.', '');
    return lines.join('\n');
  }
  const b = trend.burndown;
  lines.push(
    `**IAM users of people:** ${n(b.firstHumanIamUsers)} at ${day(trend.scans[0]!.takenAt)} → ${n(b.latestHumanIamUsers)} at ${day(trend.scans.at(-1)!.takenAt)} (${trend.scans.length} scans).`,
    '',
  );
  if (b.projection) lines.push(`**${cell(b.projection.statement)}**`, '');
  if (b.medianDaysToFix !== null) lines.push(`Median days to fix: ${b.medianDaysToFix}.`, '');
  lines.push('## Per scan', '');
  lines.push(
    ...countsTable(
      ['Scan'],
      trend.scans.map((s) => [[day(s.takenAt) + (s.complete ? '' : ' (incomplete)')], s]),
    ),
  );
  lines.push('', '## Per account (latest scan, change since the first shown)', '');
  const header = [
    'Account',
    'OU',
    'IAM users of people',
    'Change',
    'Via Identity Center',
    'Active keys',
    'Keys over limit',
    'Root credentials',
    'Open findings',
  ];
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const account of trend.accounts) {
    const present = account.series.filter((s): s is TrendCounts => s !== null);
    const latest = account.series.at(-1) ?? null;
    const first = present[0];
    const change =
      latest && first && latest.humanIamUsers !== null && first.humanIamUsers !== null
        ? signed(latest.humanIamUsers - first.humanIamUsers)
        : '—';
    const row = [
      `${account.name} (${account.accountId})`,
      account.ouPath.join('/') || '(root)',
      latest ? n(latest.humanIamUsers) : 'not in the latest scan',
      change,
      latest ? n(latest.identityCenterUsers) : '—',
      latest ? n(latest.activeKeys) : '—',
      latest ? String(latest.keysOverLimit) : '—',
      latest ? (latest.rootCredentials ? 'yes' : 'no') : '—',
      latest ? String(latest.openTotal) : '—',
    ];
    lines.push(`| ${row.map(cell).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

function countsTable(first: string[], rows: Array<[string[], TrendCounts]>): string[] {
  const header = [
    ...first,
    'IAM users of people',
    'Via Identity Center',
    'Active keys',
    'Keys over limit',
    'Root credentials',
    ...SEVERITIES.map((s) => `Open ${s}`),
    'New',
    'Fixed',
    'Reopened',
    'Median days to fix',
  ];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(([lead, c]) => {
      const cells = [
        ...lead,
        n(c.humanIamUsers),
        n(c.identityCenterUsers),
        n(c.activeKeys),
        String(c.keysOverLimit),
        String(c.rootCredentials),
        ...SEVERITIES.map((s) => String(c.open[s])),
        String(c.new),
        String(c.fixed),
        String(c.reopened),
        n(c.medianDaysToFix),
      ];
      return `| ${cells.map(cell).join(' | ')} |`;
    }),
  ];
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

export const TREND_CSV_COLUMNS = [
  'takenAt',
  'scope',
  'accountId',
  'accountName',
  'ouPath',
  'accounts',
  'accountsComplete',
  'iamUsers',
  'humanIamUsers',
  'identityCenterUsers',
  'activeKeys',
  'keysOverLimit',
  'rootCredentials',
  ...SEVERITIES.map((s) => `open${s[0]!.toUpperCase()}${s.slice(1)}`),
  'openTotal',
  'new',
  'fixed',
  'reopened',
  'medianDaysToFix',
] as const;

/** One row per scan for the selection ("organization"), then one per scan and account. */
export function renderTrendCsv(trend: TrendReport): string {
  const rows: unknown[][] = [];
  const counts = (c: TrendCounts) => [
    c.accounts,
    c.accountsComplete,
    c.iamUsers,
    c.humanIamUsers,
    c.identityCenterUsers,
    c.activeKeys,
    c.keysOverLimit,
    c.rootCredentials,
    ...SEVERITIES.map((s) => c.open[s]),
    c.openTotal,
    c.new,
    c.fixed,
    c.reopened,
    c.medianDaysToFix,
  ];
  trend.scans.forEach((scan, i) => {
    rows.push([scan.takenAt, 'organization', '', '', '', ...counts(scan)]);
    for (const account of trend.accounts) {
      const c = account.series[i];
      if (c)
        rows.push([
          scan.takenAt,
          'account',
          account.accountId,
          safe(account.name),
          safe(account.ouPath.join('/')),
          ...counts(c),
        ]);
    }
  });
  return stringify(rows, { header: true, columns: [...TREND_CSV_COLUMNS], cast: { number: String } });
}

/** A cell a spreadsheet would run as a formula (leading = + - @) gets a quote: names are anyone's to set. */
const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
