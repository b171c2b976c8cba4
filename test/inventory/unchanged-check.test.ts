import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_SNAPSHOT_PATH } from '../../src/demo/demo-snapshot.js';
import { migrationAdviceSchema } from '../../src/findings/finding.js';
import { accountSchema, snapshotSchema } from '../../src/inventory/snapshot-schema.js';
import {
  compileUnchangedCheck,
  REJECTED,
  UNCHANGED,
  UNSURE,
  type UnchangedCheck,
  UnsupportedSchemaError,
} from '../../src/inventory/unchanged-check/compile-unchanged-check.js';
import { findingSchemaInFileOrder } from '../../src/report/baseline/baseline-checks.js';
import { reportFileFindingSchema } from '../../src/report/model/report-file.js';

/** Equal as JSON and with every object's keys in the same order. */
function sameOrderedJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameOrderedJson(item, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    return ka.every((k) =>
      sameOrderedJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    );
  }
  return Object.is(a, b);
}

/**
 * The contract: UNCHANGED means zod accepts and returns an equal value; REJECTED means zod refuses. The
 * generated code and the closures it stands in for answer the same.
 */
function expectAgreesWithZod(schema: z.ZodType, check: UnchangedCheck, value: unknown): number {
  const verdict = check(value);
  expect(closuresOf(schema)(value)).toBe(verdict);
  const parsed = schema.safeParse(value);
  if (verdict === UNCHANGED) {
    expect(parsed.success).toBe(true);
    expect(sameOrderedJson(parsed.data, value)).toBe(true);
  }
  if (verdict === REJECTED) expect(parsed.success).toBe(false);
  return verdict;
}

const closureChecks = new Map<z.ZodType, UnchangedCheck>();
function closuresOf(schema: z.ZodType): UnchangedCheck {
  let check = closureChecks.get(schema);
  if (!check) {
    check = compileUnchangedCheck(schema, { generatedCode: false });
    closureChecks.set(schema, check);
  }
  return check;
}

const demo = JSON.parse(readFileSync(DEMO_SNAPSHOT_PATH, 'utf8')) as { accounts: unknown[] };

/** Every [container, key] in a JSON value, to mutate one of them. */
function places(value: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([value, i]);
      places(item, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([value as Record<string, unknown>, key]);
      places(item, out);
    }
  }
  return out;
}

const nearMisses: unknown[] = [
  null,
  '',
  'x',
  0,
  -1,
  1.5,
  2 ** 60,
  true,
  [],
  {},
  '2026-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2026-11-01T00:00:00.000+01:00',
  '2026-11-01 00:00:00Z',
  '111111111111',
  'Active',
  'ok',
  'failed',
  'not_collected',
];

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'add', 'move-last', 'replace', 'near-miss', 'wrap'),
  value: fc.jsonValue({ maxDepth: 2 }),
  miss: fc.constantFrom(...nearMisses),
  key: fc.constantFrom('extra', 'status', 'data', 'Sid', '__proto__', 'constructor', '0'),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/**
 * A copy of a value to insert: the arbitraries hand out shared objects (the near misses' `[]` and `{}`, one
 * run's values to the two documents it mutates), and inserting one object twice could nest it in itself.
 */
const fresh = (value: unknown) =>
  typeof value === 'object' && value !== null ? structuredClone(value) : value;

function mutate(document: unknown, steps: Mutation[]) {
  for (const step of steps) {
    const all = places(document);
    if (all.length === 0) return;
    const [container, key] = all[step.at % all.length]!;
    const target = container as Record<string | number, unknown>;
    switch (step.kind) {
      case 'delete':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete target[key];
        break;
      case 'add': {
        const inner = target[key];
        if (typeof inner === 'object' && inner !== null && !Array.isArray(inner))
          Object.defineProperty(inner, step.key, {
            value: fresh(step.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        break;
      }
      case 'move-last': {
        if (Array.isArray(container)) break;
        const moved = target[key];
        delete target[key];
        target[key] = moved;
        break;
      }
      case 'replace':
        target[key] = fresh(step.value);
        break;
      case 'near-miss':
        target[key] = fresh(step.miss);
        break;
      case 'wrap':
        target[key] = [target[key]];
        break;
    }
  }
}

describe('compileUnchangedCheck', () => {
  it('compiles the snapshot schemas (else every snapshot read falls back to zod alone)', () => {
    expect(() => compileUnchangedCheck(snapshotSchema)).not.toThrow();
    expect(() => compileUnchangedCheck(accountSchema)).not.toThrow();
  });

  it('finds the demo snapshot and each of its accounts unchanged by zod', () => {
    const snapshotCheck = compileUnchangedCheck(snapshotSchema);
    expect(expectAgreesWithZod(snapshotSchema, snapshotCheck, demo)).toBe(UNCHANGED);
    const accountCheck = compileUnchangedCheck(accountSchema);
    for (const account of demo.accounts) expect(accountCheck(account)).toBe(UNCHANGED);
  });

  it('agrees with zod on mutated demo accounts and snapshots (fast-check)', () => {
    const accountCheck = compileUnchangedCheck(accountSchema);
    const snapshotCheck = compileUnchangedCheck(snapshotSchema);
    const seen = new Set<number>();
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, steps) => {
        const account = structuredClone(demo.accounts[which % demo.accounts.length]);
        mutate(account, steps);
        seen.add(expectAgreesWithZod(accountSchema, accountCheck, account));
        const snapshot = structuredClone(demo);
        mutate(snapshot, steps);
        seen.add(expectAgreesWithZod(snapshotSchema, snapshotCheck, snapshot));
      }),
      { numRuns: 100 },
    );
    // The mutations reach every verdict (a check that answered UNSURE to everything would pass the rest).
    expect([...seen].sort()).toEqual([REJECTED, UNSURE, UNCHANGED]);
  });

  it('agrees with zod on report.json findings and migration advice, as read and mutated (fast-check)', () => {
    const report = JSON.parse(readFileSync('test/fixtures/demo-report/report.json', 'utf8')) as {
      findings: unknown[];
      migrations: Record<string, unknown>;
    };
    // Findings are checked against the schema with its keys in report.json's order (baseline-checks.ts).
    const inFileOrder = findingSchemaInFileOrder();
    expect(inFileOrder).toBeDefined();
    const findingCheck = compileUnchangedCheck(inFileOrder!);
    const migrationCheck = compileUnchangedCheck(migrationAdviceSchema);
    /** The twin's verdict also holds for the real schema: the same values pass, the same way. */
    const agreesWithSchema = (value: unknown) => {
      const verdict = expectAgreesWithZod(inFileOrder!, findingCheck, value);
      const real = reportFileFindingSchema.safeParse(value);
      expect(real.success).toBe(verdict !== REJECTED && inFileOrder!.safeParse(value).success);
      if (verdict === UNCHANGED) expect(real.data).toEqual(value);
      return verdict;
    };
    expect(report.findings.length).toBeGreaterThan(100);
    for (const finding of report.findings) expect(agreesWithSchema(finding)).toBe(UNCHANGED);
    // Advice written in another key order than the schema's (some is) is one zod would reorder: unsure.
    const adviceVerdicts = Object.values(report.migrations).map((advice) =>
      expectAgreesWithZod(migrationAdviceSchema, migrationCheck, advice),
    );
    expect(adviceVerdicts).not.toContain(REJECTED);
    expect(adviceVerdicts.filter((v) => v === UNCHANGED).length).toBeGreaterThan(adviceVerdicts.length / 2);
    const seen = new Set<number>();
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, steps) => {
        const finding = structuredClone(report.findings[which % report.findings.length]);
        mutate(finding, steps);
        seen.add(agreesWithSchema(finding));
        const advices = Object.values(report.migrations);
        const advice = structuredClone(advices[which % advices.length]);
        mutate(advice, steps);
        seen.add(expectAgreesWithZod(migrationAdviceSchema, migrationCheck, advice));
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual([REJECTED, UNSURE, UNCHANGED]);
  });

  const toy = z.object({
    id: z.string().regex(/^\d{3}$/),
    when: z.iso.datetime({ offset: true }).nullable(),
    count: z.int().min(1).optional(),
    kind: z.enum(['a', 'b']),
    tags: z.record(z.string(), z.union([z.string(), z.null()])),
    either: z.union([z.string().min(2), z.array(z.number().nonnegative())]),
    slice: z.discriminatedUnion('status', [
      z.object({ status: z.literal('ok'), data: z.boolean() }),
      z.object({ status: z.literal('failed'), error: z.string() }),
    ]),
    doc: z
      .looseObject({ Version: z.string().optional(), Statement: z.unknown() })
      .refine((d) => d.Statement !== 'deep', { message: 'too deep' })
      .optional(),
  });

  /** Mostly the field's own kind of value, sometimes any JSON. */
  const mostly = (values: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: values, weight: 10 }, { arbitrary: fc.jsonValue(), weight: 1 });

  const toyValue = fc
    .record(
      {
        id: mostly(fc.constantFrom('123', '123', '123', '12', 'abc')),
        when: mostly(
          fc.constantFrom(null, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-13-01T00:00:00Z'),
        ),
        count: mostly(fc.constantFrom(0, 1, 7, 7, 2.5)),
        kind: mostly(fc.constantFrom('a', 'b', 'b', 'c')),
        tags: mostly(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null)))),
        either: mostly(
          fc.oneof(fc.string({ minLength: 2 }), fc.string(), fc.array(fc.integer({ min: -1, max: 3 }))),
        ),
        slice: fc.oneof(
          fc.record({ status: fc.constant('ok'), data: fc.boolean() }),
          fc.record({ status: fc.constant('failed'), error: fc.string() }),
          fc.record({
            status: fc.constantFrom('ok', 'failed', 'x'),
            data: fc.jsonValue(),
            error: fc.jsonValue(),
          }),
        ),
        doc: fc.oneof(
          fc.record({ Version: fc.string(), Statement: fc.constantFrom('deep', 'ok', 1) }),
          fc.record({ Statement: fc.jsonValue(), Extra: fc.jsonValue() }),
          fc.jsonValue(),
        ),
        stray: fc.jsonValue(),
      },
      { requiredKeys: ['id', 'when', 'kind', 'tags', 'either', 'slice'] },
    )
    .chain((value) =>
      fc
        .tuple(
          fc.shuffledSubarray(Object.keys(value), { minLength: Object.keys(value).length }),
          fc.boolean(),
        )
        .map(([order, reorder]) =>
          reorder ? Object.fromEntries(order.map((k) => [k, value[k as keyof typeof value]])) : value,
        ),
    );

  it('agrees with zod on generated values of a schema using every supported construct (fast-check)', () => {
    const check = compileUnchangedCheck(toy);
    const seen = new Set<number>();
    fc.assert(
      fc.property(toyValue, (value) => {
        seen.add(expectAgreesWithZod(toy, check, JSON.parse(JSON.stringify(value))));
      }),
      { numRuns: 2000 },
    );
    expect([...seen].sort()).toEqual([REJECTED, UNSURE, UNCHANGED]);
  });

  it('is unsure where zod would change the value, certain where it would not', () => {
    const check = compileUnchangedCheck(toy);
    const valid = {
      id: '123',
      when: null,
      count: 1,
      kind: 'a',
      tags: { team: 'x' },
      either: [1, 2],
      slice: { status: 'ok', data: true },
      doc: { Version: '2012-10-17', Statement: [], Extra: 1 },
    };
    expect(check(valid)).toBe(UNCHANGED);
    expect(check({ ...valid, stray: 1 })).toBe(UNSURE); // zod strips it
    const { id, ...rest } = valid;
    expect(check({ ...rest, id })).toBe(UNSURE); // zod puts id first
    expect(check(rest)).toBe(REJECTED); // required id missing
    expect(check({ ...valid, doc: { Extra: 1, Statement: [] } })).toBe(UNSURE); // extra before a shape key
    expect(check({ ...valid, doc: { Statement: 'deep' } })).toBe(REJECTED); // the refinement
    expect(check({ ...valid, doc: { Extra: 1 } })).toBe(REJECTED); // a required key missing, beside an extra one
    expect(check({ ...valid, when: '2026-02-29T00:00:00Z' })).toBe(REJECTED); // zod's own date format
    expect(check({ ...valid, count: 0 })).toBe(REJECTED);
    expect(check({ ...valid, slice: { status: 'x' } })).toBe(REJECTED);
    expect(check({ ...valid, either: 'a' })).toBe(REJECTED);
    expect(check(JSON.parse('{"a":1,"__proto__":2}'))).toBe(UNSURE);
  });

  it('refuses to compile what it does not mirror (defaults, transforms, pipes, coercion, overwrites)', () => {
    for (const schema of [
      z.object({ a: z.string().default('x') }),
      z.string().transform((s) => s.length),
      z.string().trim(),
      z.coerce.number(),
      z.lazy(() => z.string()),
      z.object({ a: z.string() }).catchall(z.string()),
    ]) {
      expect(() => compileUnchangedCheck(schema as z.ZodType)).toThrow(UnsupportedSchemaError);
    }
  });
});
