import { describe, expect, it } from 'vitest';
import { flatString } from '../../../src/io/text/flat-string.js';

describe('flatString', () => {
  it('returns the same text, whatever it holds', () => {
    const name = 'grace.hopper';
    const built = `IAM user ${name} has ${3} key(s) → rotate them; it’s ${'x'.repeat(40)}`;
    for (const text of [built, '', 'short', 'lone \ud800 surrogate and \u0000 NUL', '🙂 emoji '.repeat(20)]) {
      expect(flatString(text)).toBe(text);
    }
  });

  it('keeps short strings as they are (never concatenation trees in V8)', () => {
    const short = 'abcdefghijkl';
    expect(flatString(short)).toBe(short);
  });
});
