import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/findings/severity.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import type { DriftReport } from '../../src/knowledge/drift/drift-items.js';
import type { Rule } from '../../src/rules/define-rule.js';
import { evaluate } from '../../src/rules/engine.js';

export const FIXED_NOW = new Date('2026-12-01T00:00:00.000Z');

export interface ExpectedFinding {
  resourceArn: string;
  subject?: string;
  severity?: Severity;
  /** Substring the message must contain. */
  messageIncludes?: string;
}

export interface RuleTestCase {
  name: string;
  snapshot: Snapshot;
  options?: Record<string, unknown>;
  now?: Date;
  /** For rules with input 'desired-state': the comparison with the declared state. */
  drift?: DriftReport;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  findings: ExpectedFinding[];
}

export interface UnknownRuleTestCase extends RuleTestCase {
  /** Substring the not-evaluated reason must contain. */
  reasonIncludes: string;
}

/**
 * ESLint-style tester: valid cases yield no finding; invalid cases yield exactly the findings listed;
 * unknown cases yield no finding and one "not evaluated: unknown" entry (the data does not say).
 */
export function ruleTester(
  rule: Rule,
  cases: { valid: RuleTestCase[]; invalid: InvalidRuleTestCase[]; unknown?: UnknownRuleTestCase[] },
): void {
  describe(rule.id, () => {
    for (const testCase of cases.unknown ?? []) {
      it(`unknown: ${testCase.name}`, () => {
        const result = run(rule, testCase);
        expect(result.findings.map((f) => f.message)).toEqual([]);
        expect(result.notEvaluated).toHaveLength(1);
        expect(result.notEvaluated[0]!.unknown).toBe(true);
        expect(result.notEvaluated[0]!.reason).toContain(testCase.reasonIncludes);
      });
    }
    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        const result = run(rule, testCase);
        expect(result.notEvaluated).toEqual([]);
        expect(result.findings.map((f) => `${f.resourceArn} ${f.subject}: ${f.message}`)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const result = run(rule, testCase);
        expect(result.notEvaluated).toEqual([]);
        const actual = result.findings.map((f) => ({ resourceArn: f.resourceArn, subject: f.subject }));
        const expected = testCase.findings.map((f) => ({
          resourceArn: f.resourceArn,
          subject: f.subject ?? '',
        }));
        expect(actual).toEqual(expected);
        testCase.findings.forEach((want, index) => {
          const got = result.findings[index]!;
          expect(got.ruleId).toBe(rule.id);
          if (want.severity) expect(got.severity).toBe(want.severity);
          if (want.messageIncludes) expect(got.message).toContain(want.messageIncludes);
        });
      });
    }
  });
}

function run(rule: Rule, testCase: RuleTestCase) {
  return evaluate(testCase.snapshot, {
    rules: [rule],
    now: testCase.now ?? FIXED_NOW,
    ruleOptions: testCase.options ? { [rule.id]: testCase.options } : {},
    ...(testCase.drift ? { drift: testCase.drift } : {}),
  });
}
