import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../../src/io/atomic-write.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'ks-atomic-'));

function* failingHalfway(): Generator<string> {
  yield '{"findings": [';
  throw new Error('renderer broke');
}

describe('atomic report writing', () => {
  it('writes nothing when any file of the set fails, even one streamed in chunks', async () => {
    const dir = await tempDir();
    await expect(
      writeFilesAtomic([
        { path: join(dir, 'report.sarif'), content: '{}' },
        { path: join(dir, 'report.json'), content: failingHalfway() },
      ]),
    ).rejects.toThrow('renderer broke');
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves the previous report in place when a rewrite fails', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'report.json'), 'previous');
    await expect(writeFileAtomic(join(dir, 'report.json'), failingHalfway())).rejects.toThrow();
    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('writes strings, bytes and chunks', async () => {
    const dir = await tempDir();
    await writeFilesAtomic([
      { path: join(dir, 'a.txt'), content: 'plain' },
      { path: join(dir, 'b.txt'), content: new TextEncoder().encode('bytes') },
      { path: join(dir, 'sub', 'c.txt'), content: ['ch', 'unks'] },
    ]);
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('plain');
    expect(await readFile(join(dir, 'b.txt'), 'utf8')).toBe('bytes');
    expect(await readFile(join(dir, 'sub', 'c.txt'), 'utf8')).toBe('chunks');
  });
});
