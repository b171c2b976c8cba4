import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrendReport } from '../../src/history/trend-model.js';
import { runKeysweep } from '../cli/run-cli.js';
import {
  DEMO_SCAN_DATES,
  type DemoHistory,
  HOSTILE_ACCOUNT_ID,
  HOSTILE_ACCOUNT_NAME,
  recordDemoHistory,
} from './demo-history.js';

let demo: DemoHistory;

beforeAll(async () => {
  demo = await recordDemoHistory(await mkdtemp(join(tmpdir(), 'ks-trend-')));
}, 120_000);

/** What each scan's own report.json says, to hold the history's figures against. */
function expected(d: DemoHistory) {
  const seen = new Set<string>();
  let previous = new Set<string>();
  return d.reports.map((report) => {
    const ids = new Set(report.findings.map((f) => f.id));
    const fresh = [...ids].filter((id) => !seen.has(id)).length;
    const fixed = [...previous].filter((id) => !ids.has(id)).length;
    for (const id of ids) seen.add(id);
    previous = ids;
    return {
      humanIamUsers: report.inventory.accounts.reduce((s, a) => s + a.humanIamUsers, 0),
      activeKeys: report.inventory.accounts.reduce((s, a) => s + a.activeAccessKeys, 0),
      openTotal: report.findings.filter((f) => f.waiver === undefined).length,
      new: fresh,
      fixed,
    };
  });
}

async function trend(args: string[]): Promise<string> {
  const run = await runKeysweep(['trend', '--history', demo.history, ...args]);
  expect(run.stderr).toEqual([]);
  expect(run.code).toBe(0);
  return run.stdout.join('\n');
}

describe('keysweep trend over three demo scans with people removed in between', () => {
  it('JSON: per scan, the counts of each report.json, exact new and fixed, and a burndown with a projection', async () => {
    const report = JSON.parse(await trend(['--format', 'json'])) as TrendReport;
    const want = expected(demo);
    expect(report.scans.map((s) => s.takenAt)).toEqual(DEMO_SCAN_DATES);
    expect(
      report.scans.map(({ humanIamUsers, activeKeys, openTotal, new: n, fixed }) => ({
        humanIamUsers,
        activeKeys,
        openTotal,
        new: n,
        fixed,
      })),
    ).toEqual(want);
    // The people removed really went down, and the burndown says so.
    expect(want[0]!.humanIamUsers).toBeGreaterThan(want[1]!.humanIamUsers);
    expect(want[1]!.humanIamUsers).toBeGreaterThan(want[2]!.humanIamUsers);
    expect(want[1]!.fixed).toBeGreaterThan(0);
    expect(report.scans.map((s) => s.reopened)).toEqual([0, 0, 0]);
    // Everything fixed at the second scan was open since the first, a week before.
    expect(report.scans[1]!.medianDaysToFix).toBe(7);
    expect(report.burndown.firstHumanIamUsers).toBe(want[0]!.humanIamUsers);
    expect(report.burndown.latestHumanIamUsers).toBe(want[2]!.humanIamUsers);
    const projection = report.burndown.projection!;
    const perDay = (want[0]!.humanIamUsers - want[2]!.humanIamUsers) / 14;
    expect(projection.perWeek).toBeCloseTo(perDay * 7, 1);
    const finish = Date.parse(DEMO_SCAN_DATES[2]!) + (want[2]!.humanIamUsers / perDay) * 86_400_000;
    expect(projection.finishDate).toBe(new Date(finish).toISOString().slice(0, 10));
    expect(projection.statement).toMatch(/^Projection, not a promise/);
    // Per account: payments-prod (one of the three accounts emptied of people) ends at 0.
    const payments = report.accounts.find((a) => a.name === 'payments-prod')!;
    expect(payments.series.map((s) => s?.humanIamUsers)).toEqual([
      demo.reports[0]!.inventory.accounts.find((a) => a.accountId === payments.accountId)!.humanIamUsers,
      demo.reports[1]!.inventory.accounts.find((a) => a.accountId === payments.accountId)!.humanIamUsers,
      0,
    ]);
  });

  it('CSV: one organization row per scan and one row per scan and account, parsed by csv-parse', async () => {
    const rows = parse(await trend(['--format', 'csv']), { columns: true }) as Record<string, string>[];
    const want = expected(demo);
    const org = rows.filter((r) => r.scope === 'organization');
    expect(org.map((r) => [r.takenAt, Number(r.humanIamUsers), Number(r.fixed), Number(r.new)])).toEqual(
      want.map((w, i) => [DEMO_SCAN_DATES[i], w.humanIamUsers, w.fixed, w.new]),
    );
    const perAccount = rows.filter((r) => r.scope === 'account');
    // A name a spreadsheet would run as a formula is quoted; otherwise the cell is the name itself.
    expect(
      new Set(perAccount.filter((r) => r.accountId === HOSTILE_ACCOUNT_ID).map((r) => r.accountName)),
    ).toEqual(new Set([`'${HOSTILE_ACCOUNT_NAME}`]));
    expect(perAccount).toHaveLength(3 * demo.reports[0]!.inventory.accounts.length);
    // Account rows add up to the organization row.
    for (const [i, date] of DEMO_SCAN_DATES.entries()) {
      const sum = perAccount
        .filter((r) => r.takenAt === date)
        .reduce((s, r) => s + Number(r.humanIamUsers), 0);
      expect(sum).toBe(want[i]!.humanIamUsers);
    }
  });

  it('Markdown: the burndown line, the projection and one table row per scan', async () => {
    const md = await trend([]);
    const want = expected(demo);
    expect(md).toContain(
      `**IAM users of people:** ${want[0]!.humanIamUsers} at 2026-11-20 → ${want[2]!.humanIamUsers} at 2026-12-04 (3 scans).`,
    );
    expect(md).toMatch(/\*\*Projection, not a promise: .* around \d{4}-\d{2}-\d{2}\.\*\*/);
    const section = md.split('## Per scan')[1]!.split('##')[0]!;
    const tableRows = section
      .split('\n')
      .filter((l) => l.startsWith('| 2026-'))
      .map((l) => l.split('|').map((c) => c.trim()));
    // Every row has the header's cells: the hostile account name's pipe is escaped.
    const accountSection = md.split('## Per account')[1]!;
    const accountRows = accountSection.split('\n').filter((l) => l.startsWith('| '));
    const cellsOf = (line: string) => line.split(/(?<!\\)\|/).length;
    expect(new Set(accountRows.map(cellsOf))).toEqual(new Set([cellsOf(accountRows[0]!)]));
    expect(accountSection).not.toContain('<img');
    expect(tableRows.map((r) => [r[1], Number(r[2])])).toEqual(
      want.map((w, i) => [DEMO_SCAN_DATES[i]!.slice(0, 10), w.humanIamUsers]),
    );
  });

  it('filters by account, OU and date; an unknown account is exit 2 naming it', async () => {
    const byAccount = JSON.parse(
      await trend(['--format', 'json', '--account', 'payments-prod']),
    ) as TrendReport;
    expect(byAccount.accounts.map((a) => a.name)).toEqual(['payments-prod']);
    expect(byAccount.scans.at(-1)!.humanIamUsers).toBe(0);
    const byOu = JSON.parse(await trend(['--format', 'json', '--ou', 'Workloads/Prod'])) as TrendReport;
    expect(byOu.accounts.map((a) => a.name).sort()).toEqual(['data-prod', 'payments-prod', 'web-prod']);
    const since = JSON.parse(await trend(['--format', 'json', '--since', '2026-11-25'])) as TrendReport;
    expect(since.scans.map((s) => s.takenAt)).toEqual(DEMO_SCAN_DATES.slice(1));
    // Still exact: what was fixed at the second scan is measured against the first, which is not shown.
    expect(since.scans[0]!.fixed).toBe(expected(demo)[1]!.fixed);
    const unknown = await runKeysweep(['trend', '--history', demo.history, '--account', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toEqual([
      'keysweep: --account: "nope" is not an account id or name in the history',
    ]);
  });

  it('report.md of a scan recorded with --history carries the one-line trend; report.html the charts', async () => {
    const want = expected(demo);
    const md = await readFile(join(demo.reportDirs[2]!, 'report.md'), 'utf8');
    const fewer = want[1]!.humanIamUsers - want[2]!.humanIamUsers;
    expect(md).toContain(
      `Trend: ${fewer} fewer IAM users of people than last week (${want[2]!.humanIamUsers} left); ${want[2]!.fixed} findings fixed, ${want[2]!.new} new, 0 reopened.`,
    );
    const first = await readFile(join(demo.reportDirs[0]!, 'report.md'), 'utf8');
    expect(first).toContain('Trend: the first scan in the history file');
    const html = await readFile(join(demo.reportDirs[2]!, 'report.html'), 'utf8');
    expect(html).toContain('id="trend-section"');
    expect(html.match(/data-chart="trend-burndown"/g)).toHaveLength(1);
  });

  it('writes --out atomically and prints where', async () => {
    const out = join(demo.dir, 'trend', 'trend.html');
    const run = await runKeysweep(['trend', '--history', demo.history, '--format', 'html', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([`wrote ${out} (3 scans)`]);
    expect(await readFile(out, 'utf8')).toMatch(/^<!doctype html>/);
  });
});
