import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/findings/severity.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import type { DriftReport } from '../../src/knowledge/drift/drift-items.js';
import type { Rule } from '../../src/rules/define-rule.js';
import { evaluate } from '../../src/rules/engine.js';
import { placeholdersOf } from '../../src/rules/rule-messages.js';

export const FIXED_NOW = new Date('2026-12-01T00:00:00.000Z');

export interface ExpectedFinding {
  resourceArn: string;
  subject?: string;
  severity?: Severity;
  /** The id of the message the rule reported (one of its `messages`). */
  messageId: string;
  /** The message's data, exactly (every placeholder's value; nothing else). */
  data?: Record<string, string | number>;
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
        // Authoring aid (docs/writing-rules.md): print what each finding reported, to write the expectations.
        if (process.env.KEYSWEEP_PRINT_REPORTED)
          console.log(
            `@@ ${rule.id} | ${testCase.name}\n${result.findings.map((f) => JSON.stringify({ s: f.subject, ...result.reported.get(`${f.resourceArn} ${f.subject}`) })).join('\n')}`,
          );
        testCase.findings.forEach((want, index) => {
          const got = result.findings[index]!;
          const reported = result.reported.get(`${got.resourceArn} ${got.subject}`)!;
          expect(got.ruleId).toBe(rule.id);
          if (want.severity) expect(got.severity).toBe(want.severity);
          // Which message, with which data: the text itself is checked once per message (catalog-messages.test.ts).
          expect(reported.messageId).toBe(want.messageId);
          if (want.data) expect(reported.data ?? {}).toEqual(want.data);
          // The data fills the message's placeholders and carries nothing else (facts go in `details`).
          const text = rule.messages[reported.messageId] ?? '';
          expect(Object.keys(reported.data ?? {}).sort()).toEqual(placeholdersOf(text).sort());
        });
      });
    }
  });
}

/** What the rule passed to `fail`, by resource and subject (the engine renders it into the finding's message). */
interface Reported {
  messageId: string;
  data: Record<string, string | number> | undefined;
}

function run(rule: Rule, testCase: RuleTestCase) {
  const reported = new Map<string, Reported>();
  const observed = {
    ...rule,
    evaluate(context: Parameters<Rule['evaluate']>[0]) {
      const fail: typeof context.fail = (resourceArn, input) => {
        reported.set(`${resourceArn} ${input.subject ?? ''}`, {
          messageId: input.messageId,
          data: input.data,
        });
        context.fail(resourceArn, input);
      };
      (rule.evaluate as (context: unknown) => void)({ ...context, fail });
    },
  } as Rule;
  const result = evaluate(testCase.snapshot, {
    rules: [observed],
    now: testCase.now ?? FIXED_NOW,
    ruleOptions: testCase.options ? { [rule.id]: testCase.options } : {},
    ...(testCase.drift ? { drift: testCase.drift } : {}),
  });
  return { ...result, reported };
}
