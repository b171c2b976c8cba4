import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectories } from '../../src/io/make-directories.js';
import { runKeysweep } from './run-cli.js';
import { noCredentialsEnv, spawnKeysweep } from './spawn-keysweep.js';

const NOW = ['--now', '2026-12-01T00:00:00Z'];
const tempDir = () => mkdtemp(join(tmpdir(), 'ks-out-'));

const immutable: string[] = [];
afterAll(() => {
  for (const dir of immutable) execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
});

/**
 * Makes a directory unwritable: the immutable attribute (works even for root, where the file system
 * has it), else, when not root, its mode. False when neither can lock it here.
 */
async function lockDirectory(dir: string): Promise<boolean> {
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    immutable.push(dir);
    return true;
  } catch {
    if (process.getuid?.() === 0) return false;
    await chmod(dir, 0o500);
    return true;
  }
}

function expectOneLine(run: { code: number; stderr: string[] }, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toHaveLength(1);
  expect(run.stderr[0]).toMatch(message);
}

describe('--out is checked before anything is collected or written', () => {
  it('scan --out naming an existing regular file: exit 2, the file untouched', async () => {
    const file = join(await tempDir(), 'notes.txt');
    await writeFile(file, 'keep me');
    const run = await runKeysweep(['scan', '--demo', ...NOW, '--out', file]);
    expectOneLine(run, /^keysweep: --out: .*notes\.txt exists and is not a directory$/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
  });

  it('scan --out under a regular file: exit 2 naming the file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'plain'), '');
    const run = await runKeysweep(['scan', '--demo', ...NOW, '--out', join(dir, 'plain', 'reports')]);
    expectOneLine(
      run,
      /^keysweep: --out: .*plain\/reports is under .*plain, which is a file, not a directory$/,
    );
  });

  it('scan --out in a directory that cannot be written: exit 2, nothing left behind', async (ctx) => {
    const dir = await tempDir();
    const locked = join(dir, 'locked');
    await mkdir(locked);
    if (!(await lockDirectory(locked))) return ctx.skip('no way to make a directory unwritable here');
    for (const out of [locked, join(locked, 'new', 'reports')]) {
      const run = await runKeysweep(['scan', '--demo', ...NOW, '--out', out]);
      expectOneLine(
        run,
        /^keysweep: --out: cannot (write in|create) .*locked.* \((permission denied|operation not permitted; immutable or protected\?)\)$/,
      );
    }
    expect(await readdir(locked)).toEqual([]);
  });

  it('a new --out directory is removed again when the run then fails on input', async () => {
    const dir = await tempDir();
    const out = join(dir, 'a', 'b');
    // --now before the demo snapshot was collected: refused after the --out check made a/b.
    const run = await runKeysweep(['scan', '--demo', '--now', '2026-01-01T00:00:00Z', '--out', out]);
    expect(run.code).toBe(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it('collect --out naming a directory: exit 2 before any AWS call', async () => {
    const dir = await tempDir();
    // No credentials: had it tried AWS first, the message would be about credentials.
    const run = await spawnKeysweep(['collect', '--out', dir, '--quiet'], { env: noCredentialsEnv(dir) });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^keysweep: --out: .* is a directory; give a file name/);
  });

  it('merge --out naming a directory: exit 2', async () => {
    const run = await runKeysweep(['merge', 'a.json', '--out', await tempDir()]);
    expectOneLine(run, /^keysweep: --out: .* is a directory/);
  });

  it.each([
    [['scan', '--demo', ...NOW, '--out', '/proc/keysweep-report']],
    [['scan', '--demo', ...NOW, '--out', '/proc/keysweep/deeper/report']],
    [['collect', '--out', '/proc/keysweep/snapshot.json', '--quiet']],
  ])('%j never hangs: exit 2 with one line', async (args) => {
    const run = await spawnKeysweep(args, { env: noCredentialsEnv(tmpdir()), timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^keysweep: --out: cannot create \/proc\/keysweep/);
  });

  it('makeDirectories creates missing parents one level at a time and reports what it made', async () => {
    const dir = await tempDir();
    expect(await makeDirectories(join(dir, 'x', 'y'))).toEqual([join(dir, 'x'), join(dir, 'x', 'y')]);
    expect(await makeDirectories(join(dir, 'x'))).toEqual([]);
    await rm(join(dir, 'x'), { recursive: true });
  });
});
