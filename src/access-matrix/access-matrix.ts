import type { Snapshot } from '../inventory/snapshot-schema.js';
import {
  ACCESS_MATRIX_SCHEMA_VERSION,
  type AccessGap,
  type AccessMatrix,
  type AccessRow,
} from './access-matrix-schema.js';
import { buildAccessRows, compareRows, eachAccessRow } from './build-access-matrix.js';
import { credentialsByUser, setCredentialColumn } from './credential-column.js';
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

/**
 * The first `limit` rows of buildAccessMatrix(snapshot) (no filters), with their credential and used columns,
 * the number of rows and what was not collected, without holding every row: rows are taken one at a time
 * (each also given to `visit`) and only the least `limit` by the matrix order are kept. At 1M IAM users the
 * whole matrix held a row per user, with its columns twice (~1 GiB of heap), next to the inventory.
 */
export function firstAccessRows(
  snapshot: Snapshot,
  limit: number,
  visit: (row: AccessRow) => void = () => {},
): { rows: AccessRow[]; totalRows: number; unknown: AccessGap[] } {
  const first = new FirstItems(limit, compareRows);
  let totalRows = 0;
  const unknown = eachAccessRow(snapshot, (row) => {
    totalRows += 1;
    first.add(row);
    visit(row);
  });
  const rows = setCredentialColumn(first.items(), credentialsByUser(snapshot.accounts, unknown));
  return { rows: withUsedColumn(rows, snapshot), totalRows, unknown };
}

/**
 * The first `limit` items of a stable sort by `compare`, taken one at a time: items are kept until there are
 * twice `limit`, then sorted and cut (a stable sort keeps earlier items first among equals, as the whole
 * sort would).
 */
class FirstItems<T> {
  private kept: T[] = [];
  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  add(item: T): void {
    if (this.limit <= 0) return;
    this.kept.push(item);
    if (this.kept.length >= 2 * this.limit) this.kept = this.kept.sort(this.compare).slice(0, this.limit);
  }

  items(): T[] {
    return this.kept.sort(this.compare).slice(0, this.limit);
  }
}
