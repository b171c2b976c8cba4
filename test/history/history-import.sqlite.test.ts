import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrendReport } from '../../src/history/trend-model.js';
import { runKeysweep } from '../cli/run-cli.js';
import { type DemoHistory, recordDemoHistory } from './demo-history.js';

const REPORT_V1 = new URL('../fixtures/versions/report-v1/report.json', import.meta.url).pathname;
const REPORT_V2 = new URL('../fixtures/versions/report-v2/report.json', import.meta.url).pathname;

let demo: DemoHistory;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ks-import-'));
  demo = await recordDemoHistory(dir);
}, 120_000);

async function trendOf(history: string): Promise<TrendReport> {
  const run = await runKeysweep(['trend', '--history', history, '--format', 'json']);
  expect(run.stderr).toEqual([]);
  return JSON.parse(run.stdout.join('\n'));
}

describe('keysweep history import', () => {
  it('backfills from report.json files given in any order, recording them oldest first, as the scans did', async () => {
    const history = join(dir, 'imported.sqlite');
    const [r0, r1, r2] = demo.reportDirs.map((d) => join(d, 'report.json'));
    const run = await runKeysweep(['history', 'import', '--history', history, r2!, r0!, r1!]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual(
      [r0, r1, r2].map(
        (path, i) =>
          `  recorded ${path}: scan of ${demo.reports[i]!.scan.now}, ${demo.reports[i]!.findings.length} findings`,
      ),
    );
    // The same trend as the scans recorded directly, apart from where each came from.
    const strip = (t: TrendReport) => ({ ...t, scans: t.scans.map(({ recordedFrom: _from, ...s }) => s) });
    expect(strip(await trendOf(history))).toEqual(strip(await trendOf(demo.history)));

    const again = await runKeysweep(['history', 'import', '--history', history, r1!]);
    expect(again.code).toBe(0);
    expect(again.stdout).toEqual([
      `  skipped ${r1}: a scan of this organization at ${demo.reports[1]!.scan.now} is already recorded`,
    ]);
    expect((await trendOf(history)).scans).toHaveLength(3);
  });

  it('imports a version-1 and a version-2 report (upgraded like a baseline), counts keysweep did not keep yet unknown', async () => {
    const history = join(dir, 'old.sqlite');
    const v1 = JSON.parse(await readFile(REPORT_V1, 'utf8'));
    expect(v1.schemaVersion).toBe(1);
    // The v2 fixture is the same demo scan; a week later here so both are kept.
    const v2 = JSON.parse(await readFile(REPORT_V2, 'utf8'));
    expect(v2.schemaVersion).toBe(2);
    v2.scan.now = '2026-12-08T00:00:00.000Z';
    const v2Path = join(dir, 'report-v2.json');
    await writeFile(v2Path, JSON.stringify(v2));
    const run = await runKeysweep(['history', 'import', '--history', history, v2Path, REPORT_V1]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const trend = await trendOf(history);
    expect(trend.scans.map((s) => s.takenAt)).toEqual([v1.scan.now, v2.scan.now]);
    const humans = (r: { inventory: { accounts: Array<{ humanIamUsers: number }> } }) =>
      r.inventory.accounts.reduce((s, a) => s + a.humanIamUsers, 0);
    expect(trend.scans.map((s) => s.humanIamUsers)).toEqual([humans(v1), humans(v2)]);
    expect(trend.scans[0]!.new).toBe(v1.findings.length);
    const v1Ids = new Set(v1.findings.map((f: { id: string }) => f.id));
    const v2Ids = new Set(v2.findings.map((f: { id: string }) => f.id));
    expect(trend.scans[1]!.fixed).toBe([...v1Ids].filter((id) => !v2Ids.has(id)).length);
    expect(trend.scans[1]!.new).toBe([...v2Ids].filter((id) => !v1Ids.has(id)).length);
    // Active keys per account were not in report.json before the history: unknown, not zero.
    expect(trend.scans.map((s) => s.activeKeys)).toEqual([null, null]);
  });

  it('a bad file among several is exit 2 naming it, and nothing is recorded', async () => {
    const history = join(dir, 'bad.sqlite');
    await copyFile(demo.history, history);
    const before = await readFile(history);
    const bad = join(dir, 'bad-report.json');
    const report = JSON.parse(await readFile(join(demo.reportDirs[0]!, 'report.json'), 'utf8'));
    report.scan.now = '2027-01-01T00:00:00.000Z';
    report.findings[3].severity = 'urgent';
    await writeFile(bad, JSON.stringify(report));
    const good = join(dir, 'good-report.json');
    report.findings[3].severity = 'high';
    report.scan.now = '2027-01-08T00:00:00.000Z';
    await writeFile(good, JSON.stringify(report));
    const run = await runKeysweep(['history', 'import', '--history', history, good, bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^keysweep: ${bad}: findings\\.3\\.severity: `));
    expect((await readFile(history)).equals(before)).toBe(true);
    const foreign = join(dir, 'foreign.json');
    await writeFile(foreign, JSON.stringify({ hello: 'world' }));
    const fresh = join(dir, 'fresh.sqlite');
    const notReport = await runKeysweep(['history', 'import', '--history', fresh, foreign]);
    expect(notReport).toMatchObject({
      code: 2,
      stderr: [`keysweep: ${foreign}: not a keysweep report (no schemaVersion)`],
    });
    // The history file this import would have created is not left behind.
    expect(existsSync(fresh)).toBe(false);
  });
});
