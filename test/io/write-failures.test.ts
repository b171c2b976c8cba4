import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeFilesAtomic } from '../../src/io/atomic-write.js';
import { InputError } from '../../src/io/input-error.js';
import { SpoolFile } from '../../src/report/spool/spool-file.js';

/** Writes fail as on a full disk while `full` is set (the real node:fs otherwise). */
const disk = vi.hoisted(() => ({ full: false }));
const enospc = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failing = {
    ...fs,
    writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
      if (disk.full) throw enospc();
      return fs.writeSync(...args);
    }) as typeof fs.writeSync,
  };
  return { ...failing, default: failing };
});

// Reports are written through a FileHandle (atomic-write.ts): its writes fail the same way.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    const write = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
    return Object.assign(handle, {
      write: (...a: unknown[]) => (disk.full ? Promise.reject(enospc()) : write(...a)),
    });
  }) as typeof fs.open;
  return { ...fs, open, default: { ...fs, open } };
});

describe('writing on a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keysweep-full-'));
  afterEach(() => {
    disk.full = false;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a report is one line naming the file (exit 2), and nothing is left behind', async () => {
    disk.full = true;
    const path = join(dir, 'report.json');
    const failure = writeFilesAtomic([
      { path: join(dir, 'report.md'), content: 'md' },
      { path, content: ['x'.repeat(10)] },
    ]);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(
      `cannot write ${join(dir, 'report.md')}: no space left on the device (ENOSPC)`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a scan's temporary files say where and what to do, and are removed", () => {
    const file = new SpoolFile('findings.jsonl');
    file.append('{"a":1}');
    disk.full = true;
    expect(() => file.flush()).toThrow(InputError);
    expect(() => file.flush()).toThrow(
      /cannot write temporary files in .*: no space left on the device \(ENOSPC\).*set TMPDIR/,
    );
    const spoolDir = (file as unknown as { dir: string }).dir;
    file.remove();
    expect(existsSync(spoolDir)).toBe(false);
  });

  it('other errors pass as they are (a bug stays a bug)', async () => {
    await expect(
      writeFilesAtomic([
        {
          path: join(dir, 'report.csv'),
          content: (function* () {
            yield 'a';
            throw new TypeError('renderer broke');
          })(),
        },
      ]),
    ).rejects.toThrow(TypeError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
