import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/rules/catalog/index.js';

const CATALOG = fileURLToPath(new URL('../../src/rules/catalog/', import.meta.url));

/** The slices a rule's source asks for: `slice('…')` (must be collected) and `sliceIfCollected('…')`. */
function slicesTouched(source: string): { required: string[]; read: string[] } {
  const names = (pattern: RegExp) => [...new Set([...source.matchAll(pattern)].map((m) => m[1]!))].sort();
  return {
    required: names(/(?<![.\w])slice\(\s*'([a-z]+\.[A-Za-z]+)'/g),
    read: names(/\bsliceIfCollected\(\s*'([a-z]+\.[A-Za-z]+)'/g),
  };
}

describe('a rule touches only the slices it declared', () => {
  const files = readdirSync(CATALOG).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
  const byId = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

  it('reads slice(…) only from requires and sliceIfCollected(…) only from reads; every read is used', () => {
    const problems: string[] = [];
    for (const file of files) {
      const rule = byId.get(file.replace(/\.ts$/, ''));
      if (!rule) continue;
      const { required, read } = slicesTouched(readFileSync(`${CATALOG}${file}`, 'utf8'));
      const requires: readonly string[] = rule.requires;
      const reads: readonly string[] = rule.reads ?? [];
      for (const name of required)
        if (!requires.includes(name)) problems.push(`${rule.id}: slice('${name}') not in requires`);
      for (const name of read)
        if (!reads.includes(name)) problems.push(`${rule.id}: sliceIfCollected('${name}') not in reads`);
      for (const name of reads)
        if (!read.includes(name)) problems.push(`${rule.id}: reads ${name} but never asks for it`);
    }
    expect(problems).toEqual([]);
  });

  it('sees a rule file for most rules (the scan is not looking at the wrong folder)', () => {
    const seen = files.filter((f) => byId.has(f.replace(/\.ts$/, '')));
    expect(seen.length).toBeGreaterThan(ALL_RULES.length * 0.9);
  });

  it('finds the calls and only them', () => {
    const source = [
      "const users = slice('iam.users');",
      "const audit = sliceIfCollected('org.rootCredentialsAudit');",
      'const head = names.slice(0, 3);',
      "const s = text.slice('x'.length);",
    ].join('\n');
    expect(slicesTouched(source)).toEqual({ required: ['iam.users'], read: ['org.rootCredentialsAudit'] });
  });
});
