import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_BYTES_PER_SNAPSHOT_BYTE, heapHeadroomWarning } from '../../src/cli/heap-headroom.js';

const MiB = 2 ** 20;

/** A file of the given size that starts as a keysweep snapshot does. */
async function fileOf(bytes: number, name = 'snapshot.json'): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-heap-')), name);
  const content = Buffer.alloc(bytes, 0x20);
  content.write('{\n  "schemaVersion": 2,', 0);
  await writeFile(path, content);
  return path;
}

describe('heap headroom for a large snapshot', () => {
  it('says nothing when the snapshot fits the heap', async () => {
    const path = await fileOf(MiB);
    expect(await heapHeadroomWarning(path, MiB * HEAP_BYTES_PER_SNAPSHOT_BYTE)).toBeNull();
  });

  it('names the file, its size, the heap needed and allowed, and the flag to run with', async () => {
    const path = await fileOf(3 * MiB);
    const line = await heapHeadroomWarning(path, 4 * MiB);
    expect(line).toContain(`keysweep: warning: ${path} (3 MiB) needs about`);
    expect(line).toContain('this Node allows 0.0 GiB');
    expect(line).toMatch(/NODE_OPTIONS=--max-old-space-size=\d+$/);
    expect(line?.split('\n')).toHaveLength(1);
  });

  it('suggests a heap a quarter above the estimate, in whole GiB', async () => {
    const path = await fileOf(MiB);
    const line = await heapHeadroomWarning(path, 1);
    const needed = MiB * HEAP_BYTES_PER_SNAPSHOT_BYTE * 1.25;
    expect(line).toContain(`--max-old-space-size=${Math.ceil(needed / (1024 * MiB)) * 1024}`);
  });

  it('says nothing of a file that is not a keysweep file (the loader refuses it in one line)', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ks-heap-')), 'zeros.json');
    await writeFile(path, Buffer.alloc(4096));
    expect(await heapHeadroomWarning(path, 1)).toBeNull();
  });

  it('leaves an unreadable path to the loader, and escapes control characters in the name', async () => {
    expect(await heapHeadroomWarning('/nonexistent/snapshot.json', 1)).toBeNull();
    const path = await fileOf(1024, 'bad\u001bname.json');
    expect(await heapHeadroomWarning(path, 1)).toContain('bad\\x1bname.json');
  });
});
