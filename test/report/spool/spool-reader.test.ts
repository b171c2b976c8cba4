import { describe, expect, it } from 'vitest';
import { SpoolFile } from '../../../src/report/spool/spool-file.js';
import { SpoolPageReader, SpoolReader } from '../../../src/report/spool/spool-reader.js';

/** Records of varied sizes (some over a 64 KiB page, some with multi-byte characters). */
function spoolOf(count: number) {
  const file = new SpoolFile('records');
  const texts: string[] = [];
  const offsets = new Float64Array(count);
  const lengths = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    const text = `${i}:${'x→’'.repeat((i * 7919) % 500)}${i % 97 === 0 ? 'y'.repeat(70_000) : ''}`;
    texts.push(text);
    offsets[i] = file.size;
    lengths[i] = file.append(text);
  }
  file.flush();
  return { file, texts, offsets, lengths };
}

/** A fixed shuffle (no randomness in tests). */
function shuffled(count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let seed = 12345;
  for (let i = count - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

describe('spool readers', () => {
  it('read every record in any order, in runs and across pages', () => {
    const { file, texts, offsets, lengths } = spoolOf(3000);
    try {
      for (const order of [shuffled(3000), Array.from({ length: 3000 }, (_, i) => i)]) {
        const reader = new SpoolReader([file], () => 0, offsets, lengths);
        const pages = new SpoolPageReader(file, offsets, lengths);
        order.forEach((record, position) => {
          const upcoming = (ahead: number) => order[position + ahead] ?? -1;
          expect(reader.text(record, upcoming)).toBe(texts[record]);
          expect(pages.text(record)).toBe(texts[record]);
        });
      }
    } finally {
      file.remove();
    }
  });

  it('reads each stretch of the file about once when report order permutes runs of it', () => {
    // Runs of 100 records written together (one rule in one account), each read in an order of its own.
    const { file, texts, offsets, lengths } = spoolOf(3000);
    try {
      const order: number[] = [];
      for (let run = 0; run < 30; run += 1) {
        order.push(...shuffled(100).map((i) => run * 100 + i));
      }
      let bytesRead = 0;
      const read = file.read.bind(file);
      file.read = (target, offset, length) => {
        bytesRead += length;
        read(target, offset, length);
      };
      const reader = new SpoolReader([file], () => 0, offsets, lengths);
      order.forEach((record, position) => {
        expect(reader.text(record, (ahead) => order[position + ahead] ?? -1)).toBe(texts[record]);
      });
      expect(bytesRead).toBeLessThan(file.size * 1.5);
    } finally {
      file.remove();
    }
  });

  it('refuses to read past what was written', () => {
    const file = new SpoolFile('short');
    try {
      file.append('abc');
      file.flush();
      expect(() => file.read(Buffer.alloc(10), 0, 10)).toThrow(/spool file ended at 3 of 10/);
    } finally {
      file.remove();
    }
  });
});
