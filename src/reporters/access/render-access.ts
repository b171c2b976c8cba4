import { stringify } from 'csv-stringify/sync';
import type { AccessMatrix, AccessRow } from '../../access-matrix/access-matrix-schema.js';
import { neutralizeFormula } from '../../io/text/csv-cell.js';
import { markdownInline } from '../../io/text/markdown-text.js';

export const ACCESS_FORMATS = ['csv', 'json', 'md'] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];

export const ACCESS_CSV_COLUMNS = [
  'principal',
  'principalKind',
  'accountId',
  'accountName',
  'path',
  'via',
  'permission',
  'adminEquivalent',
  'used',
  'credentials',
  'application',
] as const satisfies ReadonlyArray<keyof AccessRow>;

/** One CSV cell: null is "unknown"; a column that does not apply to the row's path is empty. */
function csvValue(row: AccessRow, column: (typeof ACCESS_CSV_COLUMNS)[number]): string {
  if (column === 'application')
    return row.application ? `${row.application.name} (${row.application.arn})` : '';
  if (column === 'credentials' && row.credentials === undefined) return '';
  const value = row[column];
  return value === null || value === undefined ? 'unknown' : String(value);
}

export function renderAccess(matrix: AccessMatrix, format: AccessFormat): string {
  if (format === 'json') return `${JSON.stringify(matrix, null, 2)}\n`;
  if (format === 'md') return renderAccessMarkdown(matrix);
  // Names come from AWS and identity stores anyone with access can edit: defuse spreadsheet formulas.
  const rows = matrix.rows.map((row) =>
    Object.fromEntries(ACCESS_CSV_COLUMNS.map((c) => [c, neutralizeFormula(csvValue(row, c))])),
  );
  return stringify(rows, { header: true, columns: [...ACCESS_CSV_COLUMNS], record_delimiter: 'windows' });
}

const isPeople = (row: AccessRow) => row.principalKind !== 'workload';

/** Accounts by the number of people (or federated IdPs) with administrator-equivalent access. */
export function adminPeopleByAccount(
  matrix: AccessMatrix,
): Array<{ accountId: string; accountName: string; people: string[] }> {
  const tally = new AdminPeopleTally();
  for (const row of matrix.rows) tally.add(row);
  return tally.byAccount();
}

/** adminPeopleByAccount one row at a time (rows in any order: the result is sorted). */
export class AdminPeopleTally {
  private readonly accounts = new Map<
    string,
    { accountId: string; accountName: string; people: Set<string> }
  >();

  add(row: AccessRow): void {
    // An application assignment is access to an application, not to an account.
    if (row.application) return;
    let entry = this.accounts.get(row.accountId);
    if (!entry) {
      entry = { accountId: row.accountId, accountName: row.accountName, people: new Set<string>() };
      this.accounts.set(row.accountId, entry);
    }
    if (isPeople(row) && row.adminEquivalent === true) entry.people.add(row.principal);
  }

  byAccount(): Array<{ accountId: string; accountName: string; people: string[] }> {
    return [...this.accounts.values()]
      .map((e) => ({ accountId: e.accountId, accountName: e.accountName, people: [...e.people].sort() }))
      .sort((a, b) => b.people.length - a.people.length || a.accountId.localeCompare(b.accountId));
  }
}

function renderAccessMarkdown(matrix: AccessMatrix): string {
  const cell = markdownInline;
  const principals = new Set(matrix.rows.filter(isPeople).map((r) => r.principal));
  const accounts = adminPeopleByAccount(matrix);
  const paths = new Map<string, AccessRow[]>();
  for (const row of matrix.rows) paths.set(row.path, [...(paths.get(row.path) ?? []), row]);
  const lines = [
    '# Who can reach which account',
    '',
    `${matrix.rows.length} access paths for ${principals.size} people or identity providers across ${accounts.length} accounts.`,
    '',
    '## Accounts by people with administrator-equivalent access',
    '',
    '| Account | People | Who |',
    '|---|---:|---|',
    ...accounts.map(
      (a) =>
        `| ${cell(a.accountName)} (${a.accountId}) | ${a.people.length} | ${cell(a.people.slice(0, 10).join(', '))}${a.people.length > 10 ? ', …' : ''} |`,
    ),
    '',
    '## Access paths',
    '',
    '| Path | Rows | Principals |',
    '|---|---:|---:|',
    ...[...paths.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([path, rows]) =>
          `| ${cell(path)} | ${rows.length} | ${new Set(rows.map((r) => r.principal)).size} |`,
      ),
    '',
  ];
  lines.push(...applicationsSection(matrix.rows, cell));
  if (matrix.unknown.length > 0) {
    lines.push('## Not known (not collected)', '');
    for (const gap of matrix.unknown)
      lines.push(`- ${cell(gap.accountId ?? 'organization')}: ${cell(gap.slice)}: ${cell(gap.reason)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Identity Center applications and the people (groups expanded) who can use each: access, not accounts. */
function applicationsSection(rows: readonly AccessRow[], cell: (text: string) => string): string[] {
  const byApplication = new Map<string, { name: string; people: Set<string>; open: boolean }>();
  for (const row of rows) {
    if (!row.application) continue;
    const entry = byApplication.get(row.application.arn) ?? {
      name: row.application.name,
      people: new Set<string>(),
      open: false,
    };
    if (row.via === 'assignment not required') entry.open = true;
    else entry.people.add(row.principal);
    byApplication.set(row.application.arn, entry);
  }
  if (byApplication.size === 0) return [];
  return [
    '## Identity Center applications (application access, not accounts)',
    '',
    '| Application | Assigned people | Who |',
    '|---|---:|---|',
    ...[...byApplication.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => {
        const people = [...a.people].sort();
        const who = `${people.slice(0, 10).join(', ')}${people.length > 10 ? ', …' : ''}`;
        return `| ${cell(a.name)} | ${people.length} | ${a.open ? `every directory user (assignment not required)${who ? `; assigned: ${cell(who)}` : ''}` : cell(who)} |`;
      }),
    '',
  ];
}
