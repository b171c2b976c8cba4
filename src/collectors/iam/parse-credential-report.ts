import { parse } from 'csv-parse/sync';

/** One row of the credential report, columns as IAM names them. */
export type CredentialReportRow = Record<string, string>;

export interface CredentialReport {
  /** The `<root_account>` row; absent when IAM (or an emulator) leaves it out. */
  root: CredentialReportRow | null;
  usersByName: Map<string, CredentialReportRow>;
}

export const ROOT_ROW_NAME = '<root_account>';

export function parseCredentialReport(csv: string): CredentialReport {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as CredentialReportRow[];
  let root: CredentialReportRow | null = null;
  const usersByName = new Map<string, CredentialReportRow>();
  for (const row of rows) {
    if (!row.user) continue;
    if (row.user === ROOT_ROW_NAME) root = row;
    else usersByName.set(row.user, row);
  }
  return { root, usersByName };
}

// The report's ways of saying "no value": never used, never had one, does not apply to this row.
const NO_VALUE = new Set(['', 'N/A', 'no_information', 'not_supported']);

/** A date column as ISO-8601, or null for N/A, no_information and not_supported. */
export function reportDate(row: CredentialReportRow, column: string): string | null {
  const value = row[column];
  if (value === undefined || NO_VALUE.has(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A text column, or null when the report has no value. */
export function reportText(row: CredentialReportRow, column: string): string | null {
  const value = row[column];
  return value === undefined || NO_VALUE.has(value) ? null : value;
}

/** A true/false column; null when the report says not_supported (root's password_enabled). */
export function reportBoolean(row: CredentialReportRow, column: string): boolean | null {
  const value = row[column];
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/** Key slots (1, 2) that hold a key, active or not: a slot never used has last_rotated N/A. */
export function occupiedKeySlots(row: CredentialReportRow): Array<1 | 2> {
  return ([1, 2] as const).filter(
    (slot) =>
      reportBoolean(row, `access_key_${slot}_active`) === true ||
      reportDate(row, `access_key_${slot}_last_rotated`) !== null,
  );
}
