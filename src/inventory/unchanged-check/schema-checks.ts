import type { z } from 'zod';
import { REJECTED, UNCHANGED, UNSURE, type UnchangedCheck, UnsupportedSchemaError } from './verdict.js';

type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck;

/** Check kinds that only look at a value (never rewrite it, as `overwrite` — trim, toLowerCase — does). */
const READ_ONLY_CHECKS = new Set([
  'greater_than',
  'less_than',
  'multiple_of',
  'number_format',
  'min_length',
  'max_length',
  'length_equals',
  'string_format',
  'custom',
]);

/**
 * For a field that is a plain string, boolean or number (maybe nullable or optional, with no checks): a
 * condition on `x` equal to its check's UNCHANGED (else REJECTED), for generated code; else null.
 */
export function inlineTest(schema: Schema, patterns: RegExp[]): string | null {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (def.coerce) return null;
  const checks = checksOf(schema);
  if (def.type === 'string' && checks.length > 0) {
    const plain = plainPatterns(checks);
    if (!plain) return null;
    const tests = plain.map((pattern) => {
      patterns.push(pattern);
      const p = `P[${patterns.length - 1}]`;
      return pattern.global || pattern.sticky ? `(${p}.lastIndex = 0, ${p}.test(x))` : `${p}.test(x)`;
    });
    return `(typeof x === "string" && ${tests.join(' && ')})`;
  }
  if (checks.length > 0) return null;
  switch (def.type) {
    case 'string':
      return 'typeof x === "string"';
    case 'boolean':
      return 'typeof x === "boolean"';
    case 'number':
      return '(typeof x === "number" && Number.isFinite(x))';
    case 'nullable': {
      const inner = inlineTest(def.innerType as Schema, patterns);
      return inner && `(x === null || ${inner})`;
    }
    case 'optional': {
      const inner = schema._zod.traits.has('$ZodExactOptional')
        ? null
        : inlineTest(def.innerType as Schema, patterns);
      return inner && `(x === undefined || ${inner})`;
    }
    default:
      return null;
  }
}

/** A schema's checks as zod runs them: its own (a string format is its own check) first. */
function checksOf(schema: Schema): Check[] {
  return [
    ...(schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check] : []),
    ...((schema._zod.def.checks ?? []) as Check[]),
  ];
}

/**
 * The patterns of checks that are each exactly "the string matches this pattern" in zod (an ISO date-time,
 * `.regex()`: core/checks.js $ZodCheckStringFormat and $ZodCheckRegex reset `lastIndex` and `test`), so
 * the test can be run here without zod's payload; null when any check is something else.
 */
function plainPatterns(checks: Check[]): RegExp[] | null {
  const patterns: RegExp[] = [];
  for (const check of checks) {
    const def = check._zod.def as z.core.$ZodCheckDef & { pattern?: unknown };
    const plain =
      def.check === 'string_format' &&
      def.when === undefined &&
      def.pattern instanceof RegExp &&
      ['$ZodISODateTime', '$ZodCheckRegex'].some((trait) => traitsOf(check).has(trait));
    if (!plain) return null;
    patterns.push(def.pattern as RegExp);
  }
  return patterns;
}

/** What zod made a check of (every zod 4 instance has its constructors' names as `_zod.traits`). */
function traitsOf(check: Check): ReadonlySet<string> {
  return (check._zod as unknown as { traits?: Set<string> }).traits ?? new Set();
}

/**
 * The schema's checks (its own format first, as zod runs them), run by zod's own check objects on a
 * reusable payload once the value's type is known to be unchanged: the value is then zod's output, which
 * is what zod's checks see.
 */
export function withChecks(schema: Schema, parse: UnchangedCheck): UnchangedCheck {
  const checks = checksOf(schema);
  if (checks.length === 0) return parse;
  for (const check of checks) {
    const kind = check._zod.def.check;
    if (!READ_ONLY_CHECKS.has(kind)) throw new UnsupportedSchemaError(`check ${kind}`);
  }
  const patterns = plainPatterns(checks);
  if (patterns) {
    return (value) => {
      const verdict = parse(value);
      if (verdict !== UNCHANGED) return verdict;
      for (const pattern of patterns) {
        pattern.lastIndex = 0;
        if (!pattern.test(value as string)) return REJECTED;
      }
      return UNCHANGED;
    };
  }
  const payload: z.core.ParsePayload = { value: undefined, issues: [] };
  return (value) => {
    const verdict = parse(value);
    if (verdict !== UNCHANGED) return verdict;
    payload.value = value;
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when && !when(payload as never)) continue;
      const ran = check._zod.check(payload as never) as unknown;
      if (ran instanceof Promise) return UNSURE;
      if (payload.issues.length > 0) {
        payload.issues.length = 0;
        payload.value = undefined;
        return REJECTED;
      }
    }
    payload.value = undefined;
    return UNCHANGED;
  };
}
