import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceDirectory } from '../../src/io/replace-directory.js';
import { runKeysweep } from './run-cli.js';

const NOW = ['--now', '2026-12-01T00:00:00Z'];

async function listAll(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listAll(join(dir, entry.name), `${path}/`)));
    else out.push(path);
  }
  return out.sort();
}

describe('plan --out replaces the kit whole', () => {
  it('leaves no stale file of an earlier kit (workloads/*.tf of the old layout included)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-kit-'));
    const first = await runKeysweep(['plan', '--demo', ...NOW, '--out', 'kit', '--quiet'], dir);
    expect(first.code).toBe(0);
    const fresh = await listAll(join(dir, 'kit'));
    // An earlier run's files that this run does not write.
    await writeFile(join(dir, 'kit', 'workloads', '100000000006.tf'), 'resource "x" "stale" {}\n');
    await mkdir(join(dir, 'kit', 'cli-profiles'), { recursive: true });
    await writeFile(join(dir, 'kit', 'cli-profiles', 'someone-who-left.aws-config'), '[profile old]\n');
    const second = await runKeysweep(['plan', '--demo', ...NOW, '--out', 'kit', '--quiet'], dir);
    expect(second.code).toBe(0);
    expect(await listAll(join(dir, 'kit'))).toEqual(fresh);
    // Nothing left beside it either (no staging or old copy).
    expect(await readdir(dir)).toEqual(['kit']);
  });

  it('refuses to replace a directory that is not a keysweep kit (exit 2, one line, untouched)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-kit-'));
    await mkdir(join(dir, 'mine'));
    await writeFile(join(dir, 'mine', 'notes.txt'), 'keep me');
    const run = await runKeysweep(['plan', '--demo', ...NOW, '--out', 'mine'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/--out: .*not a keysweep kit/);
    expect(await readdir(join(dir, 'mine'))).toEqual(['notes.txt']);
  });

  it('a failure while writing leaves the old kit intact and nothing beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-kit-'));
    const kit = join(dir, 'kit');
    await replaceDirectory(kit, [{ path: 'plan.json', content: 'old' }]);
    // A file path that cannot be created (a file where a directory must be) fails midway.
    await expect(
      replaceDirectory(kit, [
        { path: 'a', content: 'x' },
        { path: 'a/b.txt', content: 'y' },
      ]),
    ).rejects.toThrow();
    expect(await readFile(join(kit, 'plan.json'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['kit']);
  });
});
