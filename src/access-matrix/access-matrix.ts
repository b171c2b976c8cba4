import type { Snapshot } from '../inventory/snapshot-schema.js';
import { ACCESS_MATRIX_SCHEMA_VERSION, type AccessMatrix, type AccessRow } from './access-matrix-schema.js';
import { buildAccessRows } from './build-access-matrix.js';
import { withUsedColumn } from './used-column.js';

export interface AccessFilters {
  /** Case-insensitive part of the principal's name. */
  person?: string;
  /** Account id or name. */
  account?: string;
  /** Permission set (or, for IAM paths, policy) name. */
  permissionSet?: string;
}

export function buildAccessMatrix(snapshot: Snapshot, filters: AccessFilters = {}): AccessMatrix {
  const { rows, unknown } = buildAccessRows(snapshot);
  const account = filters.account?.toLowerCase();
  const matchesAccount = (id: string | null, name: string) =>
    !account || id === null || id === account || name.toLowerCase() === account;
  const names = new Map(snapshot.accounts.map((a) => [a.id, a.name]));
  // Typed by construction (tests validate the output against the published schema): no per-row parse.
  return {
    schemaVersion: ACCESS_MATRIX_SCHEMA_VERSION,
    organizationId: snapshot.organization.id,
    snapshotCollectedAt: snapshot.collectedAt,
    filters: {
      person: filters.person ?? null,
      account: filters.account ?? null,
      permissionSet: filters.permissionSet ?? null,
    },
    rows: withUsedColumn(rows, snapshot).filter(
      (row) =>
        matchesPerson(row, filters.person) &&
        matchesAccount(row.accountId, row.accountName) &&
        matchesPermission(row, filters.permissionSet),
    ),
    unknown: unknown.filter((gap) => matchesAccount(gap.accountId, names.get(gap.accountId ?? '') ?? '')),
  };
}

function matchesPerson(row: AccessRow, person: string | undefined): boolean {
  return !person || row.principal.toLowerCase().includes(person.toLowerCase());
}

function matchesPermission(row: AccessRow, permission: string | undefined): boolean {
  if (!permission) return true;
  const wanted = permission.toLowerCase();
  return row.permission
    .split(', ')
    .some((name) => name.toLowerCase() === wanted || name.toLowerCase() === `inline:${wanted}`);
}
