import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_SNAPSHOT_PATH } from '../../src/demo/demo-snapshot.js';
import { REPORT_FORMATS } from '../../src/reporters/index.js';
import { runKeysweep } from './run-cli.js';

const NOW = '2026-12-01T00:00:00Z';
const FILES = ['report.sarif', 'report.json', 'report.md', 'report.html', 'report.csv'];
const BASELINE = join(process.cwd(), 'test/fixtures/demo-report/report.json');

/** The spool directories in `root` (the scans here get a temporary directory of their own: other keysweep
 * processes on the machine make and remove spools in the shared one). */
async function spoolDirs(root: string): Promise<string[]> {
  return (await readdir(root)).filter((name) => name.startsWith('keysweep-spool-'));
}

/** Every report of one demo scan, by file name. */
async function scanDemo(
  dir: string,
  name: string,
  extra: string[],
  source = ['--demo'],
): Promise<Record<string, string>> {
  const out = join(dir, name);
  const run = await runKeysweep([
    'scan',
    ...source,
    '--now',
    NOW,
    '--format',
    REPORT_FORMATS.join(','),
    '--fail-on',
    'none',
    '--out',
    out,
    ...extra,
  ]);
  expect(run.stderr).toEqual([]);
  expect(run.code).toBe(0);
  return Object.fromEntries(
    await Promise.all(FILES.map(async (file) => [file, await readFile(join(out, file), 'utf8')] as const)),
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a scan whose findings spill to disk', () => {
  it('writes byte for byte the reports of the in-memory scan (also with waivers and a baseline), and leaves no spool behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keysweep-spill-'));
    const waivers = join(dir, 'waivers.yaml');
    await writeFile(
      waivers,
      [
        'waivers:',
        '  - rule: iam-access-key-max-age',
        "    resource: 'arn:aws:iam::*:user/*'",
        '    reason: rotating next sprint',
        '    owner: platform',
        "    expires: '2027-06-30'",
        '',
      ].join('\n'),
    );
    // The previous report with one more finding (gone now) and one fewer (new now).
    const previous = JSON.parse(await readFile(BASELINE, 'utf8')) as {
      findings: Array<Record<string, unknown>>;
    };
    const gone = {
      ...previous.findings[0]!,
      id: 'f'.repeat(32),
      resourceArn: 'arn:aws:iam::111111111111:user/gone',
    };
    previous.findings = [...previous.findings.slice(1), gone];
    const baseline = join(dir, 'baseline.json');
    await writeFile(baseline, JSON.stringify(previous));
    const spoolRoot = await mkdtemp(join(tmpdir(), 'keysweep-spool-root-'));
    vi.stubEnv('TMPDIR', spoolRoot);
    for (const extra of [[], ['--waivers', waivers, '--baseline', baseline]]) {
      const inMemory = await scanDemo(dir, 'memory', extra);
      if (extra.length > 0) {
        // Both enrichments really apply.
        expect(inMemory['report.json']).toContain('"waiver":{"reason":"rotating next sprint"');
        expect(inMemory['report.json']).toContain('"baselineState":"absent"');
        expect(inMemory['report.json']).toContain('"baselineState":"unchanged"');
        expect(inMemory['report.json']).toContain('"baselineState":"new"');
      }
      // 0: every finding on disk; 40: the spill happens in the middle of the evaluation.
      for (const threshold of ['0', '40']) {
        vi.stubEnv('KEYSWEEP_SPILL_FINDINGS', threshold);
        const spilled = await scanDemo(dir, `spilled-${threshold}`, extra);
        vi.unstubAllEnvs();
        vi.stubEnv('TMPDIR', spoolRoot);
        for (const file of FILES)
          expect(spilled[file], `${file} (spill at ${threshold})`).toBe(inMemory[file]);
      }
    }
    expect(await spoolDirs(spoolRoot)).toEqual([]);
  });

  it('writes the same reports from the demo snapshot file, whose account inventories it lets go as it evaluates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keysweep-release-'));
    const fromDemo = await scanDemo(dir, 'demo', []);
    for (const threshold of ['', '0']) {
      vi.stubEnv('KEYSWEEP_SPILL_FINDINGS', threshold);
      const fromFile = await scanDemo(dir, `file-${threshold}`, [], ['--snapshot', DEMO_SNAPSHOT_PATH]);
      vi.unstubAllEnvs();
      for (const file of FILES)
        expect(fromFile[file], `${file} (spill at "${threshold}")`).toBe(fromDemo[file]);
    }
  });

  it('names a bad KEYSWEEP_SPILL_FINDINGS in one line (exit 2)', async () => {
    vi.stubEnv('KEYSWEEP_SPILL_FINDINGS', 'lots');
    const run = await runKeysweep(['scan', '--demo', '--out', join(tmpdir(), 'keysweep-never-written')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      'keysweep: KEYSWEEP_SPILL_FINDINGS: expected a number of findings (0 or more), got "lots"',
    ]);
  });
});
