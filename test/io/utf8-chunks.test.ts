import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/io/atomic-write.js';
import {
  chunksText,
  isAscii,
  releaseChunk,
  UTF8_CHUNK_BYTES,
  Utf8Chunks,
  utf8Bytes,
} from '../../src/io/utf8-chunks.js';

type Piece = { text: string } | { bytes: string };

/** Pieces appended to a builder, taking the filled chunks after each as the renderers do. */
function build(pieces: readonly Piece[], chunkBytes?: number): Uint8Array[] {
  const out = new Utf8Chunks(chunkBytes);
  const chunks: Uint8Array[] = [];
  for (const piece of pieces) {
    if ('text' in piece) out.text(piece.text);
    else out.bytes(utf8Bytes(piece.bytes));
    // hasFilled says exactly when there is something to take (the renderers only take chunks then).
    const had = out.hasFilled;
    const taken = [...out.filled()];
    expect(taken.length > 0).toBe(had);
    expect(out.hasFilled).toBe(false);
    chunks.push(...taken);
  }
  chunks.push(...out.rest());
  return chunks;
}

const expected = (pieces: readonly Piece[]) =>
  Buffer.from(pieces.map((p) => ('text' in p ? p.text : p.bytes)).join(''), 'utf8');

const strict = new TextDecoder('utf-8', { fatal: true });

describe('UTF-8 chunks', () => {
  it('are the bytes of Buffer.from of the whole text, each chunk UTF-8 on its own, for any text', () => {
    const piece = fc.oneof(
      fc.record({ text: fc.string({ unit: 'binary', maxLength: 40 }) }),
      fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
      fc.record({ bytes: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
      fc.constant({ text: 'IAM console → Users — the user’s keys' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 8, max: 64 }), (pieces, size) => {
        const chunks = build(pieces, size);
        expect(Buffer.concat(chunks)).toEqual(expected(pieces));
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          // Lone surrogates are U+FFFD in both, so a fatal decoder only fails on a cut character.
          expect(() => strict.decode(chunk)).not.toThrow();
        }
      }),
    );
  });

  it('give a piece larger than a chunk a buffer of its own size (room for 3 bytes a UTF-16 unit)', () => {
    const big = 'é'.repeat(100);
    const chunks = build([{ text: 'ab' }, { text: big }, { text: 'c'.repeat(10) }, { text: 'd' }], 16);
    expect(chunks.map((c) => c.length)).toEqual([2, 211]);
    expect(chunksText(chunks)).toBe(`ab${big}${'c'.repeat(10)}d`);
  });

  it('reuse a written chunk only once it is given back, and only chunks they made', () => {
    const first = new Utf8Chunks();
    first.text('x'.repeat(1000));
    const [written] = [...first.rest()];
    const outsider = Buffer.alloc(UTF8_CHUNK_BYTES);
    releaseChunk(outsider);
    releaseChunk(written!);
    releaseChunk(written!); // twice: still one entry
    const second = new Utf8Chunks();
    second.text('y'.repeat(1000));
    const third = new Utf8Chunks();
    third.text('z'.repeat(1000));
    const [a] = [...second.rest()];
    const [b] = [...third.rest()];
    expect(a!.buffer).toBe(written!.buffer);
    expect(b!.buffer).not.toBe(written!.buffer);
    expect(b!.buffer).not.toBe(outsider.buffer);
    expect(Buffer.from(a!).toString()).toBe('y'.repeat(1000));
    expect(Buffer.from(b!).toString()).toBe('z'.repeat(1000));
  });

  it('take more text after the rest was taken', () => {
    const out = new Utf8Chunks(16);
    out.text('first → ');
    const first = [...out.rest()];
    out.text('second → ');
    expect(chunksText([...first, ...out.rest()])).toBe('first → second → ');
    expect([...out.rest()]).toEqual([]);
  });

  it('tell ASCII from other text', () => {
    expect(isAscii('IAM console > Users\r\n"x"')).toBe(true);
    expect(isAscii('IAM console → Users')).toBe(false);
    expect(isAscii('é')).toBe(false);
  });

  it('written to disk through pooled buffers are the same bytes, file after file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-utf8-'));
    const row = (i: number) => `${i},user-${i},IAM console → Users → ü-${i}\r\n`;
    function* rows(n: number): Generator<Uint8Array> {
      const out = new Utf8Chunks();
      for (let i = 0; i < n; i += 1) {
        out.text(row(i));
        yield* out.filled();
      }
      yield* out.rest();
    }
    // Several files in a row reuse the buffers the previous wrote.
    const n = 60_000;
    await writeFilesAtomic([
      { path: join(dir, 'a.csv'), content: rows(n) },
      { path: join(dir, 'b.csv'), content: rows(n) },
    ]);
    const text = Array.from({ length: n }, (_, i) => row(i)).join('');
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe(text);
    expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe(text);
  });

  it('a renderer failing after several chunks were written leaves nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-utf8-'));
    function* failing(): Generator<Uint8Array> {
      const out = new Utf8Chunks();
      for (let i = 0; i < 20_000; i += 1) {
        out.text(`${'→'.repeat(30)}\n`);
        yield* out.filled();
      }
      throw new Error('renderer broke after many chunks');
    }
    await expect(
      writeFilesAtomic([
        { path: join(dir, 'report.md'), content: 'md' },
        { path: join(dir, 'report.csv'), content: failing() },
      ]),
    ).rejects.toThrow('renderer broke after many chunks');
    expect(await readdir(dir)).toEqual([]);
  });
});
