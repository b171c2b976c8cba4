import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handUnwrapsIn, handUnwrapsUnder, NOT_SLICES } from './hand-unwrapping.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('slices are read through src/inventory/slice-reader.ts', () => {
  it('no consumer of the inventory compares a slice status by hand', () => {
    expect(handUnwrapsUnder(SRC).map((u) => `${u.file}:${u.line} ${u.text}`)).toEqual([]);
  });

  it('every listed non-slice status still exists (the exception list does not go stale)', () => {
    for (const [file, receivers] of Object.entries(NOT_SLICES)) {
      const seen = handUnwrapsIn(file, readSource(file), {}).map((u) => u.receiver);
      for (const receiver of receivers) expect(seen, `${file}: ${receiver}`).toContain(receiver);
    }
  });
});

describe('the check itself', () => {
  it('finds the forms a hand unwrap takes', () => {
    const source = [
      "const a = ic.assignments.status === 'ok' ? ic.assignments.data : [];",
      "if (account.iam.users.status !== 'ok') continue;",
      "return s?.status === 'ok' ? s.data : null;",
      "if (slice.status === 'failed') return slice.error.code;",
      "else if (slice.status === 'not_collected') return slice.reason;",
    ].join('\n');
    expect(handUnwrapsIn('drift/x.ts', source).map((u) => [u.line, u.receiver])).toEqual([
      [1, 'ic.assignments'],
      [2, 'account.iam.users'],
      [3, 's'],
      [4, 'slice'],
      [5, 'slice'],
    ]);
  });

  it('passes the reader and a listed non-slice status, only in its own file', () => {
    const source = [
      'const users = collectedData(account.iam.users) ?? [];',
      "if (account.access.status === 'ok') lines.push('x');",
    ].join('\n');
    expect(handUnwrapsIn('migration-kit/guardrails/guardrails-readme.ts', source)).toEqual([]);
    expect(handUnwrapsIn('drift/x.ts', source).map((u) => u.receiver)).toEqual(['account.access']);
  });
});

function readSource(file: string): string {
  return readFileSync(`${SRC}${file}`, 'utf8');
}
