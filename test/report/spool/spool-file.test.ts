import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpoolFile } from '../../../src/report/spool/spool-file.js';

describe('SpoolFile', () => {
  it('reads back every record as its UTF-8 bytes, whatever the records and the flush size', () => {
    // Any UTF-16 text (astral characters, lone surrogates, non-ASCII), records larger than the buffer.
    const record = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ maxLength: 200 }),
      fc.constantFrom('', '\ud800', 'a\udfffb', '→—’', '\u{1f511}'),
    );
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.integer({ min: 1, max: 96 }),
        (texts, flushBytes) => {
          const file = new SpoolFile('records.jsonl', flushBytes);
          try {
            const placed = texts.map((text) => {
              const offset = file.size;
              return { text, offset, length: file.append(text) };
            });
            file.flush();
            let total = 0;
            for (const { text, offset, length } of placed) {
              const expected = Buffer.from(text, 'utf8');
              expect(length).toBe(expected.length);
              const read = Buffer.alloc(length);
              file.read(read, offset, length);
              expect(read.equals(expected)).toBe(true);
              total += length;
            }
            expect(file.size).toBe(total);
          } finally {
            file.remove();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
