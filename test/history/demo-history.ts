import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_SNAPSHOT_PATH } from '../../src/demo/demo-snapshot.js';
import { runKeysweep } from '../cli/run-cli.js';

/** Three weekly scans of the demo organization; people's IAM users are removed between them. */
/** A name anyone with Organizations access could give an account: a formula, markup and a table pipe. */
export const HOSTILE_ACCOUNT_NAME = '=HYPERLINK("x")|<img src=x onerror="window.hacked=1">';
/** The demo account that gets it (sandbox-beta). */
export const HOSTILE_ACCOUNT_ID = '100000000013';

export const DEMO_SCAN_DATES = [
  '2026-11-20T00:00:00.000Z',
  '2026-11-27T00:00:00.000Z',
  '2026-12-04T00:00:00.000Z',
];

type DemoUser = { userName: string };
type DemoAccount = { id: string; iam: { users: { status: string; data: DemoUser[] } } };

/** The users removed before each scan: none, then one person per account, then every person in three accounts. */
function removeUsers(snapshot: { accounts: DemoAccount[] }, scan: number): string[] {
  const removed: string[] = [];
  for (const [index, account] of snapshot.accounts.entries()) {
    if (account.iam.users.status !== 'ok') continue;
    const people = account.iam.users.data.filter((u) => /^[a-z]+\.[a-z]+\d*$/.test(u.userName));
    const gone = new Set<string>();
    if (scan >= 1 && people[0]) gone.add(people[0].userName);
    if (scan >= 2 && index >= 5 && index <= 7) for (const p of people) gone.add(p.userName);
    account.iam.users.data = account.iam.users.data.filter((u) => !gone.has(u.userName));
    for (const name of gone) removed.push(`${account.id}/${name}`);
  }
  return removed;
}

export interface DemoHistory {
  dir: string;
  history: string;
  /** report.json of each scan, parsed. */
  reports: Array<{
    scan: { now: string };
    findings: Array<{ id: string; accountId: string; waiver?: unknown }>;
    inventory: { accounts: Array<{ accountId: string; humanIamUsers: number; activeAccessKeys: number }> };
  }>;
  reportDirs: string[];
}

/** Records the three demo scans into `dir/history.sqlite` (report.md, report.html and report.json each). */
export async function recordDemoHistory(dir: string): Promise<DemoHistory> {
  const history = join(dir, 'history.sqlite');
  const demo = JSON.parse(await readFile(DEMO_SNAPSHOT_PATH, 'utf8'));
  const reports: DemoHistory['reports'] = [];
  const reportDirs: string[] = [];
  for (const [scan, now] of DEMO_SCAN_DATES.entries()) {
    const snapshot = structuredClone(demo);
    removeUsers(snapshot, scan);
    for (const account of snapshot.accounts as Array<{ id: string; name: string }>)
      if (account.id === HOSTILE_ACCOUNT_ID) account.name = HOSTILE_ACCOUNT_NAME;
    snapshot.collectedAt = now;
    const snapshotPath = join(dir, `snapshot-${scan}.json`);
    await writeFile(snapshotPath, JSON.stringify(snapshot));
    const out = join(dir, `report-${scan}`);
    const run = await runKeysweep([
      'scan',
      '--snapshot',
      snapshotPath,
      '--now',
      now,
      '--out',
      out,
      '--format',
      'json,md,html',
      '--history',
      history,
      '--quiet',
    ]);
    if (run.code !== 1) throw new Error(`scan ${scan}: exit ${run.code}: ${run.stderr.join('\n')}`);
    reports.push(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')));
    reportDirs.push(out);
  }
  return { dir, history, reports, reportDirs };
}
