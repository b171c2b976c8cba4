import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/finding.js';
import { SEVERITIES } from '../../../src/findings/severity.js';
import { collate } from '../../../src/report/model/collate.js';
import { sortFindingsForReport } from '../../../src/report/model/finding-order.js';

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;

/** The pairwise order sortFindingsForReport replaces: every comparison collates. */
function pairwise(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.ruleId === b.ruleId ? 0 : collate(a.ruleId, b.ruleId)) ||
    (a.accountId === b.accountId ? 0 : collate(a.accountId, b.accountId)) ||
    (a.resourceArn === b.resourceArn ? 0 : collate(a.resourceArn, b.resourceArn)) ||
    collate(a.subject, b.subject)
  );
}

// Few distinct values, some the collator holds equal ("a\u200bb" and "ab"), case and accents.
const text = fc.constantFrom('ab', 'a\u200bb', 'Ab', 'áb', 'b', 'B', '', 'a-b', 'a b', '10', '9', 'ß', 'ss');

const finding = fc.record({
  severity: fc.constantFrom(...SEVERITIES),
  ruleId: text,
  accountId: text,
  resourceArn: text,
  subject: text,
  n: fc.nat(),
});

describe('sortFindingsForReport', () => {
  it('gives exactly the order of a stable sort comparing every pair with the collator', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 200 }), (records) => {
        const findings = records.map((r) => ({ ...r, id: String(r.n) }) as unknown as Finding);
        const expected = [...findings].sort(pairwise);
        const sorted = sortFindingsForReport([...findings]);
        expect(sorted).toHaveLength(expected.length);
        sorted.forEach((f, i) => {
          expect(f).toBe(expected[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sorts in place', () => {
    const findings = [
      { severity: 'low', ruleId: 'b', accountId: '1', resourceArn: 'x', subject: '' },
      { severity: 'high', ruleId: 'a', accountId: '1', resourceArn: 'x', subject: '' },
    ] as unknown as Finding[];
    const same = sortFindingsForReport(findings);
    expect(same).toBe(findings);
    expect(findings.map((f) => f.ruleId)).toEqual(['a', 'b']);
  });
});
