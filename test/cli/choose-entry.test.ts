import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shipped in bin/ (no type declarations)
import { chooseEntry, distEntryPoint } from '../../bin/choose-entry.js';

type Choose = (root: string, env?: Record<string, string>) => { kind: 'dist' | 'source'; reason: string };
const choose = chooseEntry as Choose;

/** A fake checkout: src/ and dist/ files with the given ages in seconds (null: file absent). */
async function layout(ages: { source: number | null; other?: number; dist: number | null }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ks-entry-'));
  const now = Date.now() / 1000;
  const put = async (path: string, age: number) => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), '');
    await utimes(join(root, path), now - age, now - age);
  };
  if (ages.source !== null) await put('src/cli/main.ts', ages.source);
  if (ages.other !== undefined) await put('src/rules/deep/rule.ts', ages.other);
  if (ages.dist !== null) await put('dist/cli/main.js', ages.dist);
  // Folders get the oldest time, so only the files decide.
  for (const dir of ['src', 'src/cli', 'src/rules', 'src/rules/deep']) {
    await utimes(join(root, dir), now - 1000, now - 1000).catch(() => {});
  }
  return root;
}

describe('bin/choose-entry.js: which code bin/keysweep.js runs', () => {
  it('runs the build when it is newer than every source file', async () => {
    expect(choose(await layout({ source: 100, other: 90, dist: 10 }), {}).kind).toBe('dist');
  });

  it('runs the sources when any source file, however deep, changed after the build', async () => {
    expect(choose(await layout({ source: 100, other: 5, dist: 10 }), {})).toMatchObject({
      kind: 'source',
      reason: expect.stringMatching(/older than src/),
    });
  });

  it('runs the sources when there is no build, or when KEYSWEEP_FROM_SOURCE=1', async () => {
    expect(choose(await layout({ source: 100, dist: null }), {}).kind).toBe('source');
    const fresh = await layout({ source: 100, dist: 10 });
    expect(choose(fresh, { KEYSWEEP_FROM_SOURCE: '1' }).kind).toBe('source');
  });

  it('runs the build in an installed package, which has no sources', async () => {
    expect(choose(await layout({ source: null, dist: 500 }), {}).kind).toBe('dist');
  });

  it('imports the bundle when it was made from the current tsc output, else the tsc output', async () => {
    const root = await layout({ source: null, dist: 50 });
    const entry = distEntryPoint as (root: string) => string;
    expect(entry(root)).toBe(join(root, 'dist', 'cli', 'main.js'));
    const bundle = join(root, 'dist', 'bundle', 'main.js');
    await mkdir(join(root, 'dist', 'bundle'));
    await writeFile(bundle, '');
    const now = Date.now() / 1000;
    await utimes(bundle, now - 40, now - 40);
    expect(entry(root)).toBe(bundle);
    await utimes(bundle, now - 60, now - 60); // tsc ran again after the bundle was made
    expect(entry(root)).toBe(join(root, 'dist', 'cli', 'main.js'));
  });
});
