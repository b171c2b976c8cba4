import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aSnapshot } from '../../fixtures/builders/index.js';
import { runKeysweep } from './run-cli.js';
import { noCredentialsEnv, spawnKeysweep } from './spawn-keysweep.js';

const NOW = ['--now', '2026-12-01T00:00:00Z'];
const tempDir = () => mkdtemp(join(tmpdir(), 'ks-live-only-'));

describe('live-only flags with --demo or --snapshot are refused, not ignored', () => {
  it.each([
    ['--concurrency', '4'],
    ['--accounts', '111111111111'],
    ['--exclude-accounts', '111111111111'],
    ['--ou', 'ou-abcd-12345678'],
    ['--role-name', 'AuditRole'],
    ['--external-id', 'x'],
    ['--profile', 'prod'],
    ['--region', 'eu-west-1'],
    ['--sso-region', 'eu-west-1'],
    ['--instance-regions', 'eu-west-1,us-east-1'],
    ['--shard', '1/3'],
    ['--call-timeout-budget', '30'],
    ['--credential-report-timeout', '60'],
  ])('%s with --demo and with --snapshot: exit 2', async (flag, value) => {
    const dir = await tempDir();
    const snapshot = join(dir, 'snap.json');
    await writeFile(snapshot, JSON.stringify(aSnapshot()));
    for (const [input, ...rest] of [['--demo'], ['--snapshot', snapshot]] as const) {
      const out = join(dir, 'never');
      const run = await runKeysweep(['scan', input, ...rest, ...NOW, '--out', out, flag, value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toEqual([
        `keysweep: ${flag}: only applies to a live scan; it has no effect with ${input} (remove it)`,
      ]);
      await expect(readdir(out)).rejects.toThrow(/ENOENT/);
    }
  });

  it('--verbose and --quiet are not live-only', async () => {
    const run = await runKeysweep([
      'scan',
      '--demo',
      ...NOW,
      '--out',
      join(await tempDir(), 'r'),
      '--verbose',
      '--quiet',
      '--fail-on',
      'none',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: [] });
  });
});

describe('--concurrency is validated one way for scan and collect, before any AWS call', () => {
  it.each(['0', '-1', '1.5', '1e1', '0x10', ' 8', 'eight', ''])('--concurrency %j: exit 2', async (value) => {
    const dir = await tempDir();
    for (const args of [
      ['scan', '--out', join(dir, 'r'), ...NOW],
      ['collect', '--out', join(dir, 's.json')],
    ]) {
      // No credentials: had it reached AWS, the message would be about credentials instead.
      const run = await spawnKeysweep([...args, '--quiet', '--concurrency', value], {
        env: noCredentialsEnv(dir),
      });
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`keysweep: --concurrency: "${value}" must be a positive whole number`);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('--instance-regions is validated for scan and collect, before any AWS call', () => {
  it.each([
    [
      'all',
      '"all" is not available in this build (it needs account:ListRegions); name the regions, e.g. eu-west-1,us-east-1',
    ],
    ['eu-west-1,nowhere', '"nowhere" is not an AWS region name (e.g. eu-west-1)'],
  ])('--instance-regions %j: exit 2, one line, nothing written', async (value, why) => {
    const dir = await tempDir();
    for (const args of [
      ['scan', '--out', join(dir, 'r'), ...NOW],
      ['collect', '--out', join(dir, 's.json')],
    ]) {
      // No credentials: had it reached AWS, the message would be about credentials instead.
      const run = await spawnKeysweep([...args, '--quiet', '--instance-regions', value], {
        env: noCredentialsEnv(dir),
      });
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`keysweep: --instance-regions: ${why}`);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
