import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gzippedSize, gzippedSizeExceeds } from '../../src/reporters/sarif/sarif-limits.js';

/** Text gzip shrinks little: random code points, most of them two or three UTF-8 bytes. */
function incompressible(chars: number): string {
  const bytes = randomBytes(chars * 2);
  let text = '';
  for (let i = 0; i < chars; i += 1) text += String.fromCharCode(0x20 + (bytes.readUInt16LE(i * 2) % 0x2000));
  return text;
}

describe('gzippedSizeExceeds: the SARIF size check skips gzip only where it cannot matter', () => {
  it('agrees with gzipping, at limits around the gzipped size of incompressible text', () => {
    for (const chars of [10, 1_000, 70_000, 300_000]) {
      const text = incompressible(chars);
      const size = gzippedSize(text);
      const bytes = Buffer.byteLength(text);
      expect(size).toBeLessThanOrEqual(bytes + Math.ceil(bytes / 1000) + 1024); // the bound it relies on
      for (const limit of [size - 1, size, size + 1, size + 2_000, bytes + 1_024, bytes * 2]) {
        expect(gzippedSizeExceeds(text, limit)).toBe(size > limit);
      }
    }
  });

  it('agrees for compressible text too', () => {
    const text = '{"ruleId":"iam-access-key-max-age"}'.repeat(50_000);
    const size = gzippedSize(text);
    for (const limit of [size - 1, size, 10 * 1024 * 1024])
      expect(gzippedSizeExceeds(text, limit)).toBe(size > limit);
  });
});
