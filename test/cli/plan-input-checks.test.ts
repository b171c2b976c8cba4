import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeysweep } from './run-cli.js';
import { noCredentialsEnv, spawnKeysweep } from './spawn-keysweep.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'ks-plan-input-'));

// `plan` shares scan's input hardening (src/cli/load-inventory.ts): the same checks, the same one line.
describe('keysweep plan checks its input like scan, before loading or collecting anything', () => {
  it.each([
    [
      ['--demo', '--accounts', '111111111111'],
      /^keysweep: --accounts: only applies to a live scan; it has no effect with --demo \(remove it\)$/,
    ],
    [
      ['--demo', '--role-name', 'AuditRole'],
      /^keysweep: --role-name: only applies to a live scan; it has no effect with --demo/,
    ],
    [['--demo', '--now', '2026-12-01'], /^keysweep: --now: "2026-12-01" is a date without a time and zone/],
    [
      ['--demo', '--now', '2026-02-30T00:00:00Z'],
      /^keysweep: --now: "2026-02-30T00:00:00Z" is not a calendar date/,
    ],
    [
      ['--demo', '--now', '2026-11-01T00:00:00Z'],
      /^keysweep: --now: 2026-11-01T00:00:00\.000Z is before the demo snapshot was collected/,
    ],
    [['--demo', '--scp-exempt-role', '*'], /^keysweep: --scp-exempt-role: "\*" would exempt every role/],
  ])('plan %j: exit 2, one line, nothing written', async (flags, message) => {
    const dir = await tempDir();
    const run = await runKeysweep(['plan', ...flags, '--out', join(dir, 'kit')], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(message);
    expect(await readdir(dir)).toEqual([]);
  });

  it('--snapshot with a live-only flag is refused too', async () => {
    const dir = await tempDir();
    const run = await runKeysweep(
      ['plan', '--snapshot', 'snap.json', '--concurrency', '4', '--out', 'kit'],
      dir,
    );
    expect(run.stderr).toEqual([
      'keysweep: --concurrency: only applies to a live scan; it has no effect with --snapshot (remove it)',
    ]);
    expect(run.code).toBe(2);
  });

  it('--out naming a regular file: exit 2 before any AWS call, the file untouched', async () => {
    const dir = await tempDir();
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'keep me');
    // No credentials: had it tried AWS first, the message would be about credentials.
    const run = await spawnKeysweep(['plan', '--out', file, '--quiet'], { env: noCredentialsEnv(dir) });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^keysweep: --out: .*notes\.txt exists and is not a directory$/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
  });
});
