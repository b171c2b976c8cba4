import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportFinding, ReportModel } from '../../../src/report/model/report-model.js';
import type { SarifLog } from '../../../src/reporters/sarif/sarif-log.js';
import { runKeysweep } from '../../cli/run-cli.js';
import { reportValidator } from '../../reporters/support/report-schema.js';

const scan = (dir: string, now: string, ...flags: string[]) =>
  runKeysweep([
    'scan',
    '--demo',
    '--now',
    now,
    '--out',
    dir,
    '--format',
    'sarif,json,md',
    '--quiet',
    ...flags,
  ]);

/** Reads report.json and checks it against the published schema on the way. */
async function readReport(dir: string): Promise<ReportModel & { findings: ReportFinding[] }> {
  const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
  const validate = await reportValidator();
  if (!validate(report)) throw new Error(`report.json breaks its schema: ${JSON.stringify(validate.errors)}`);
  return report as ReportModel & { findings: ReportFinding[] };
}

/** A precise waiver for the root key, a catch-all for everything else, and one that matches nothing. */
async function waiversFile(expires: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-w-')), 'waivers.yaml');
  await writeFile(
    path,
    [
      'waivers:',
      '  - rule: root-access-keys-exist',
      '    resource: "arn:aws:iam::100000000010:root"',
      '    reason: break-glass key in the safe',
      '    owner: secops',
      `    expires: ${expires}`,
      '  - rule: "*"',
      '    resource: "*"',
      '    scope: all',
      '    reason: accepted while migrating',
      '    owner: platform',
      `    expires: ${expires}`,
      '  - rule: iam-console-user-without-mfa',
      '    resource: "arn:aws:iam::*:user/nobody-*"',
      '    reason: stale entry',
      '    owner: secops',
      '    expires: 2030-01-01',
    ].join('\n'),
  );
  return path;
}

describe('scan --waivers', () => {
  it('waived findings stay in every report, marked, and never fail CI', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ks-scan-'));
    const run = await scan(out, '2026-12-01T00:00:00Z', '--waivers', await waiversFile('2027-01-31'));
    expect(run.code).toBe(0); // every finding is waived
    const report = await readReport(out);
    expect(report.findings.length).toBeGreaterThan(10);
    const root = report.findings.find((f) => f.ruleId === 'root-access-keys-exist');
    expect(root?.waiver?.reason).toBe('break-glass key in the safe');
    expect(report.findings.filter((f) => f.waiver?.reason === 'accepted while migrating')).toHaveLength(
      report.findings.length - 1,
    );
    expect(report.summary.waived).toBe(report.findings.length);
    expect(report.waivers?.entries.map((w) => w.status)).toEqual(['active', 'active', 'unused']);
    const sarif = JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]?.results.filter((r) => r.suppressions)).toHaveLength(report.findings.length);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('💤 matched nothing');
  });

  it('a waiver with a past expiry no longer suppresses and is listed as expired', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ks-scan-'));
    const run = await scan(out, '2026-12-01T00:00:00Z', '--waivers', await waiversFile('2026-11-15'));
    expect(run.code).toBe(1);
    const report = await readReport(out);
    expect(report.findings.some((f) => f.waiver)).toBe(false);
    expect(report.summary.waived).toBe(0);
    expect(report.waivers?.entries[0]).toMatchObject({
      status: 'expired',
      matched: 1,
      expires: '2026-11-15',
    });
    expect(report.waivers?.entries[1]).toMatchObject({ status: 'expired', matched: report.findings.length });
    const sarif = JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]?.results.some((r) => r.suppressions)).toBe(false);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('⏰ expired');
  });

  it('a bad waivers file exits 2 with one line and writes no report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-scan-'));
    const bad = join(dir, 'waivers.yaml');
    await writeFile(bad, 'waivers:\n  - { rule: x, resource: y, owner: o, expires: 2027-01-01 }\n');
    const run = await scan(join(dir, 'out'), '2026-12-01T00:00:00Z', '--waivers', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      `keysweep: ${bad}: waivers.0.reason: Invalid input: expected string, received undefined`,
    ]);
    await expect(readdir(join(dir, 'out'))).rejects.toThrow(/ENOENT/);
  });
});

describe('scan --baseline', () => {
  it('marks new/unchanged, and --fail-on-new fails only on findings new since the baseline', async () => {
    const first = await mkdtemp(join(tmpdir(), 'ks-base-'));
    await scan(first, '2026-12-01T00:00:00Z');
    const same = await mkdtemp(join(tmpdir(), 'ks-base-'));
    const rerun = await scan(
      same,
      '2026-12-01T00:00:00Z',
      '--baseline',
      join(first, 'report.json'),
      '--fail-on-new',
    );
    expect(rerun.code).toBe(0);
    const report = await readReport(same);
    expect(report.baseline).toMatchObject({ new: 0, absent: 0, unchanged: report.findings.length });

    const later = await mkdtemp(join(tmpdir(), 'ks-base-'));
    const laterRun = await scan(
      later,
      '2027-01-15T00:00:00Z',
      '--baseline',
      join(first, 'report.json'),
      '--fail-on-new',
    );
    expect(laterRun.code).toBe(1); // more keys crossed 90 days: new high findings
    const laterReport = await readReport(later);
    expect(laterReport.baseline?.new).toBeGreaterThan(0);
    const sarif = JSON.parse(await readFile(join(later, 'report.sarif'), 'utf8')) as SarifLog;
    expect(sarif.runs[0]?.results.filter((r) => r.baselineState === 'new')).toHaveLength(
      laterReport.baseline?.new ?? -1,
    );
    expect(await readFile(join(later, 'report.md'), 'utf8')).toContain('### New findings');
  });
});
