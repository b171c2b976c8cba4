import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anAccount, aSnapshot } from '../../fixtures/builders/index.js';
import { failed } from '../../src/inventory/collection.js';
import { runKeysweep } from './run-cli.js';

const NOW = ['--now', '2026-12-01T00:00:00Z'];
const tempDir = () => mkdtemp(join(tmpdir(), 'ks-cli-'));

describe('keysweep scan', () => {
  it('scans the demo, writes the reports and exits 1 on high findings', async () => {
    const out = join(await tempDir(), 'r');
    const run = await runKeysweep(['scan', '--demo', ...NOW, '--out', out, '--format', 'json']);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(1);
    expect(await readdir(out)).toEqual(['report.json']);
    expect(run.stdout.join('\n')).toContain(join(out, 'report.json'));
  });

  it('--fail-on none exits 0 on the demo; --fail-on critical exits 1 (root keys are critical)', async () => {
    const out = join(await tempDir(), 'r');
    expect(
      (await runKeysweep(['scan', '--demo', ...NOW, '--out', out, '--format', 'json', '--fail-on', 'none']))
        .code,
    ).toBe(0);
    expect(
      (
        await runKeysweep([
          'scan',
          '--demo',
          ...NOW,
          '--out',
          out,
          '--format',
          'json',
          '--fail-on',
          'critical',
        ])
      ).code,
    ).toBe(1);
  });

  it('a malformed snapshot: one line naming file and field, exit 2, no report written', async () => {
    const dir = await tempDir();
    const file = join(dir, 'snap.json');
    const snapshot = aSnapshot() as unknown as { accounts: Array<{ status: string }> };
    snapshot.accounts[0]!.status = 'HAPPY';
    await writeFile(file, JSON.stringify(snapshot));
    const out = join(dir, 'out');
    const run = await runKeysweep(['scan', '--snapshot', file, ...NOW, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^keysweep: ${file}: accounts\\.0\\.status: `));
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('an incomplete snapshot (an account could not be assumed) exits 3 even with --fail-on none', async () => {
    const dir = await tempDir();
    const file = join(dir, 'snap.json');
    const account = anAccount({ id: '333333333333' });
    account.access = {
      status: 'failed',
      error: { code: 'AccessDenied', message: 'not authorized to assume role' },
    };
    account.iam.users = failed('AccessDenied', 'role not assumed');
    await writeFile(file, JSON.stringify(aSnapshot({ accounts: [anAccount(), account] })));
    const run = await runKeysweep([
      'scan',
      '--snapshot',
      file,
      ...NOW,
      '--out',
      join(dir, 'o'),
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(run.code).toBe(3);
  });

  it.each([
    [['--now', 'yesterday'], /^keysweep: --now: "yesterday" is not an ISO-8601/],
    [['--fail-on', 'severe'], /^keysweep: --fail-on: "severe" must be one of/],
    [['--format', 'sarif,pdf'], /^keysweep: --format: "pdf" is not one of/],
    [['--rule', 'no-such-rule'], /^keysweep: --rule: unknown rule id "no-such-rule"/],
    [['--fail-on-new'], /^keysweep: --fail-on-new needs --baseline/],
    [['--snapshot', 'x.json'], /^keysweep: --demo and --snapshot cannot be used together/],
  ])('bad flag %j exits 2 with one line', async (flags, message) => {
    const out = join(await tempDir(), 'never');
    const run = await runKeysweep(['scan', '--demo', '--out', out, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(message);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('validates the waivers file before collecting anything (bad waivers win over a missing snapshot)', async () => {
    const dir = await tempDir();
    const waivers = join(dir, 'waivers.yaml');
    await writeFile(waivers, 'waivers:\n  - rule: iam-access-key-max-age\n');
    const run = await runKeysweep([
      'scan',
      '--snapshot',
      join(dir, 'absent.json'),
      '--waivers',
      waivers,
      '--out',
      join(dir, 'o'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^keysweep: ${waivers}: waivers\\.0\\.`));
  });

  it('unknown options are usage errors (exit 2)', async () => {
    const run = await runKeysweep(['scan', '--demo', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).toContain("unknown option '--bogus'");
  });
});
