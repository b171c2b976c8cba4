import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aSnapshot } from '../../fixtures/builders/index.js';
import { runKeysweep } from '../cli/run-cli.js';
import { noCredentialsEnv, spawnKeysweep } from '../cli/spawn-keysweep.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'ks-access-input-'));

describe('keysweep access checks its input like scan and collect', () => {
  it.each([
    ['--now', '2026-12-01T00:00:00Z'],
    ['--accounts', '111111111111'],
    ['--concurrency', '4'],
    ['--role-name', 'AuditRole'],
  ])('%s with --demo and with --snapshot: exit 2, one line, nothing written', async (flag, value) => {
    const dir = await tempDir();
    const snapshot = join(dir, 'snap.json');
    await writeFile(snapshot, JSON.stringify(aSnapshot()));
    for (const [input, ...rest] of [['--demo'], ['--snapshot', snapshot]] as const) {
      const run = await runKeysweep(['access', input, ...rest, '--out', 'm.csv', flag, value], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toEqual([
        `keysweep: ${flag}: only applies to a live scan; it has no effect with ${input} (remove it)`,
      ]);
    }
    expect(await readdir(dir)).toEqual(['snap.json']);
  });

  it('--out naming a directory: exit 2 before any AWS call', async () => {
    const dir = await tempDir();
    // No credentials: had it tried AWS first, the message would be about credentials.
    const run = await spawnKeysweep(['access', '--out', dir], { env: noCredentialsEnv(dir) });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^keysweep: --out: .* is a directory; give a file name/);
  });

  it('--now is checked strictly (a zone is needed) before any AWS call', async () => {
    const dir = await tempDir();
    const run = await spawnKeysweep(['access', '--now', '2026-12-01 10:00', '--out', join(dir, 'm.csv')], {
      env: noCredentialsEnv(dir),
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^keysweep: --now: /);
    expect(await readdir(dir)).toEqual([]);
  });
});
