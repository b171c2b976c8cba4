import { SEVERITIES, type Severity } from '../findings/severity.js';
import { InputError } from '../io/input-error.js';
import { guarded, type HistoryFile } from './history-file.js';
import type { SqlValue } from './node-sqlite.js';
import { projectBurndown } from './project-burndown.js';
import type { TrendAccount, TrendCounts, TrendReport, TrendScan } from './trend-model.js';

export interface TrendFilter {
  /** Account ids or names; empty: all. */
  accounts: string[];
  /** OU names (any level of an account's OU path) or paths ("Workloads/Prod"); empty: all. */
  ous: string[];
  /** ISO date-time: scans before it are not shown (they still decide what is new or reopened). */
  since: string | null;
}

type Row = Record<string, SqlValue>;

const DAY_MS = 86_400_000;

/** Reads the whole history and computes the trend: one pass over each scan's finding identities. */
export function computeTrend(history: HistoryFile, filter: TrendFilter): TrendReport {
  return guarded(history.path, () => compute(history, filter));
}

function compute(history: HistoryFile, filter: TrendFilter): TrendReport {
  const db = history.db;
  const scans = db.prepare('SELECT * FROM scans ORDER BY taken_ms, id').all();
  const accountRows = db.prepare('SELECT id, account_id, name FROM accounts ORDER BY account_id').all();
  const perScan = new Map<number, Map<number, Row>>();
  for (const row of db.prepare('SELECT * FROM scan_accounts').all()) {
    const scan = Number(row.scan);
    const map = perScan.get(scan) ?? new Map<number, Row>();
    perScan.set(scan, map);
    map.set(Number(row.account), row);
  }
  const selected = selectAccounts(accountRows, perScan, scans, filter);

  const maxIdentity = Number(db.prepare('SELECT max(id) AS m FROM identities').get()?.m ?? 0);
  const accountOf = new Int32Array(maxIdentity + 1);
  for (const row of db.prepare('SELECT id, account FROM identities').all())
    accountOf[Number(row.id)] = Number(row.account);
  const open = new Uint8Array(maxIdentity + 1);
  const everSeen = new Uint8Array(maxIdentity + 1);
  const lastSeen = new Int32Array(maxIdentity + 1).fill(-1);
  const spanStart = new Float64Array(maxIdentity + 1);
  let openList: number[] = [];
  // One string of ids per scan, not one row object per finding: at 100k IAM users a scan has ~270k.
  const present = db.prepare('SELECT group_concat(identity) AS ids FROM scan_findings WHERE scan = ?');
  const presentIds = (scan: number): string[] => {
    const ids = present.get(scan)?.ids;
    return typeof ids === 'string' && ids !== '' ? ids.split(',') : [];
  };

  const shownFrom = filter.since ? Date.parse(filter.since) : Number.NEGATIVE_INFINITY;
  const trendScans: TrendScan[] = [];
  const seriesByAccount = new Map<number, Array<TrendCounts | null>>();
  for (const id of selected) seriesByAccount.set(id, []);
  const allFixDays: number[] = [];

  scans.forEach((scan, index) => {
    const scanId = Number(scan.id);
    const taken = Number(scan.taken_ms);
    const accounts = perScan.get(scanId) ?? new Map<number, Row>();
    const events = new Map<number, { new: number; fixed: number; reopened: number; fixDays: number[] }>();
    const eventsOf = (account: number) => {
      const known = events.get(account);
      if (known) return known;
      const e = { new: 0, fixed: 0, reopened: 0, fixDays: [] as number[] };
      events.set(account, e);
      return e;
    };
    const stillOpen: number[] = [];
    for (const text of presentIds(scanId)) {
      const id = Number(text);
      const account = accountOf[id]!;
      if (!selected.has(account)) continue;
      lastSeen[id] = index;
      if (open[id]) continue;
      const e = eventsOf(account);
      if (everSeen[id]) e.reopened += 1;
      else e.new += 1;
      open[id] = 1;
      everSeen[id] = 1;
      spanStart[id] = taken;
      stillOpen.push(id);
    }
    for (const id of openList) {
      if (lastSeen[id] === index) {
        stillOpen.push(id);
        continue;
      }
      const account = accountOf[id]!;
      // Gone from an account this scan did not fully cover is not fixed: it was not looked at.
      if (accounts.get(account)?.status !== 'complete') {
        stillOpen.push(id);
        continue;
      }
      open[id] = 0;
      const e = eventsOf(account);
      e.fixed += 1;
      e.fixDays.push((taken - spanStart[id]!) / DAY_MS);
    }
    openList = stillOpen;

    if (taken < shownFrom) return;
    const rows = [...selected].map((id) => accounts.get(id)).filter((r): r is Row => r !== undefined);
    const scanEvents = [...events.values()];
    const fixDays = scanEvents.flatMap((e) => e.fixDays);
    allFixDays.push(...fixDays);
    trendScans.push({
      takenAt: String(scan.taken_at),
      complete: Number(scan.complete) === 1,
      recordedFrom: String(scan.recorded_from),
      ...countsOf(rows, {
        new: sum(scanEvents.map((e) => e.new)),
        fixed: sum(scanEvents.map((e) => e.fixed)),
        reopened: sum(scanEvents.map((e) => e.reopened)),
        fixDays,
      }),
    });
    for (const [account, series] of seriesByAccount) {
      const row = accounts.get(account);
      const e = events.get(account) ?? { new: 0, fixed: 0, reopened: 0, fixDays: [] };
      series.push(row ? countsOf([row], e) : null);
    }
  });

  const latestOu = latestOuPaths(perScan, scans);
  const accountsOut: TrendAccount[] = accountRows
    .filter((a) => selected.has(Number(a.id)) && seriesByAccount.get(Number(a.id))!.some((s) => s !== null))
    .map((a) => ({
      accountId: String(a.account_id),
      name: String(a.name),
      ouPath: latestOu.get(Number(a.id)) ?? [],
      series: seriesByAccount.get(Number(a.id))!,
    }));
  const first = trendScans[0];
  const latest = trendScans.at(-1);
  return {
    kind: 'keysweep-trend',
    filter: { accounts: filter.accounts, ous: filter.ous, since: filter.since },
    scans: trendScans,
    accounts: accountsOut,
    burndown: {
      firstHumanIamUsers: first?.humanIamUsers ?? null,
      latestHumanIamUsers: latest?.humanIamUsers ?? null,
      projection: projectBurndown(trendScans),
      medianDaysToFix: median(allFixDays),
    },
  };
}

function countsOf(
  rows: Row[],
  events: { new: number; fixed: number; reopened: number; fixDays: number[] },
): TrendCounts {
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, sum(rows.map((r) => Number(r[s])))])) as Record<
    Severity,
    number
  >;
  return {
    accounts: rows.length,
    accountsComplete: rows.filter((r) => r.status === 'complete').length,
    iamUsers: nullableSum(rows, 'iam_users'),
    humanIamUsers: nullableSum(rows, 'human_iam_users'),
    identityCenterUsers: nullableSum(rows, 'identity_center_users'),
    activeKeys: nullableSum(rows, 'active_keys'),
    keysOverLimit: sum(rows.map((r) => Number(r.keys_over_limit))),
    rootCredentials: sum(rows.map((r) => Number(r.root_credentials))),
    open,
    openTotal: sum(SEVERITIES.map((s) => open[s])),
    new: events.new,
    fixed: events.fixed,
    reopened: events.reopened,
    medianDaysToFix: median(events.fixDays),
  };
}

/** A count over accounts: null when any of them does not know it (a report from before it was kept). */
function nullableSum(rows: Row[], column: string): number | null {
  if (rows.length === 0) return null;
  let total = 0;
  for (const row of rows) {
    if (row[column] === null) return null;
    total += Number(row[column]);
  }
  return total;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

function latestOuPaths(perScan: Map<number, Map<number, Row>>, scans: Row[]): Map<number, string[]> {
  const paths = new Map<number, string[]>();
  for (const scan of scans)
    for (const [account, row] of perScan.get(Number(scan.id)) ?? [])
      paths.set(account, JSON.parse(String(row.ou_path)) as string[]);
  return paths;
}

function selectAccounts(
  accountRows: Row[],
  perScan: Map<number, Map<number, Row>>,
  scans: Row[],
  filter: TrendFilter,
): Set<number> {
  const ouPaths = latestOuPaths(perScan, scans);
  const selected = new Set<number>();
  for (const row of accountRows) {
    const id = Number(row.id);
    const byAccount =
      filter.accounts.length === 0 || filter.accounts.some((a) => a === row.account_id || a === row.name);
    const path = ouPaths.get(id) ?? [];
    const byOu =
      filter.ous.length === 0 ||
      filter.ous.some(
        (ou) => path.includes(ou) || path.join('/') === ou || path.join('/').startsWith(`${ou}/`),
      );
    if (byAccount && byOu) selected.add(id);
  }
  for (const wanted of filter.accounts)
    if (!accountRows.some((r) => r.account_id === wanted || r.name === wanted))
      throw new InputError(`--account: "${wanted}" is not an account id or name in the history`);
  for (const ou of filter.ous)
    if (
      ![...ouPaths.values()].some(
        (p) => p.includes(ou) || p.join('/') === ou || p.join('/').startsWith(`${ou}/`),
      )
    )
      throw new InputError(`--ou: "${ou}" is not an OU of any account in the history`);
  return selected;
}
