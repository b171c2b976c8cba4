import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '../../io/text/csv-cell.js';
import type { AccessDiffRow, KitPlan } from '../plan-schema.js';

export const ACCESS_DIFF_COLUMNS = [
  'change',
  'person',
  'accountId',
  'accountName',
  'permission',
  'before',
  'after',
  'note',
] as const satisfies ReadonlyArray<keyof AccessDiffRow>;

/**
 * access-diff.csv: each person's access today against after the kit, one row per person, account and
 * permission set, loudest first (added, removed, narrowed, confirm-first, kept). Names come from AWS and
 * identity stores: spreadsheet formulas are defused as in report.csv.
 */
export function renderAccessDiffCsv(plan: Pick<KitPlan, 'accessDiff'>): string {
  const rows = plan.accessDiff.rows.map((row) =>
    Object.fromEntries(ACCESS_DIFF_COLUMNS.map((c) => [c, neutralizeFormula(row[c])])),
  );
  return stringify(rows, { header: true, columns: [...ACCESS_DIFF_COLUMNS], record_delimiter: 'windows' });
}
