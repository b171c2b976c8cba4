import type { z } from 'zod';
import { generateObjectCheck } from './generate-object-check.js';
import { inlineTest, withChecks } from './schema-checks.js';
import {
  REJECTED,
  UNCHANGED,
  UNSURE,
  type UnchangedCheck,
  UnsupportedSchemaError,
  type Verdict,
} from './verdict.js';

export * from './verdict.js';

type Schema = z.core.$ZodType;

/**
 * Compiles a zod schema into a check that walks a value once, without allocating, and answers whether zod
 * would return that very value (see Verdict). It mirrors zod 4's own parsing (core/schemas.js) for the
 * constructs keysweep's file schemas use — objects (strip and loose), arrays, records of string keys,
 * unions and discriminated unions, optional and nullable, strings, numbers, booleans, null, literals, enums,
 * unknown — and runs zod's own check objects (formats, regexes, lengths, bounds, refinements) on the value,
 * so a rule is written once, in the schema. Anything else (defaults, transforms, pipes, lazy, coercion,
 * overwriting checks) throws UnsupportedSchemaError at compile time: such a schema is validated by zod alone.
 *
 * Defined for values JSON.parse returns (plain objects, arrays, strings, finite numbers, booleans, null).
 */
export function compileUnchangedCheck(
  schema: z.ZodType,
  options: { generatedCode?: boolean } = {},
): UnchangedCheck {
  return new Compiler(options.generatedCode ?? true).compile(schema);
}

/** Keys a plain object inherits: `key in value` would be true without the key in the file. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

class Compiler {
  private readonly compiled = new Map<Schema, UnchangedCheck>();

  /** Objects as generated code (generate-object-check.ts), else as closures; both answer the same. */
  constructor(private readonly generatedCode: boolean) {}

  compile(schema: Schema): UnchangedCheck {
    const known = this.compiled.get(schema);
    if (known) return known;
    // Shared sub-schemas (an ISO date, a slice) compile once; a schema that refers to itself would need
    // z.lazy, which is refused below, so this never sees a cycle.
    const check = withChecks(schema, this.compileType(schema));
    this.compiled.set(schema, check);
    return check;
  }

  private compileType(schema: Schema): UnchangedCheck {
    const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.coerce) throw new UnsupportedSchemaError(`coercing ${def.type}`);
    switch (def.type) {
      case 'string':
        return (value) => (typeof value === 'string' ? UNCHANGED : REJECTED);
      case 'number':
        // zod refuses NaN and ±Infinity (JSON has neither).
        return (value) => (typeof value === 'number' && Number.isFinite(value) ? UNCHANGED : REJECTED);
      case 'boolean':
        return (value) => (typeof value === 'boolean' ? UNCHANGED : REJECTED);
      case 'null':
        return (value) => (value === null ? UNCHANGED : REJECTED);
      case 'unknown':
      case 'any':
        return () => UNCHANGED;
      case 'literal':
      case 'enum': {
        const values = schema._zod.values;
        if (!values) throw new UnsupportedSchemaError(`${def.type} without values`);
        return (value) => (values.has(value as never) ? UNCHANGED : REJECTED);
      }
      case 'nullable': {
        const inner = this.compile(def.innerType as Schema);
        return (value) => (value === null ? UNCHANGED : inner(value));
      }
      case 'optional': {
        if (schema._zod.traits.has('$ZodExactOptional')) throw new UnsupportedSchemaError('exact optional');
        const innerType = def.innerType as Schema;
        if (innerType._zod.optin === 'defaulted') throw new UnsupportedSchemaError('optional default');
        const inner = this.compile(innerType);
        return (value) => (value === undefined ? UNCHANGED : inner(value));
      }
      case 'array':
        return this.array(def as unknown as z.core.$ZodArrayDef);
      case 'object':
        return this.object(def as unknown as z.core.$ZodObjectDef);
      case 'record':
        return this.record(def as unknown as z.core.$ZodRecordDef);
      case 'union':
        return 'discriminator' in def && typeof def.discriminator === 'string'
          ? this.discriminatedUnion(def as unknown as z.core.$ZodDiscriminatedUnionDef)
          : this.union(def as unknown as z.core.$ZodUnionDef);
      default:
        throw new UnsupportedSchemaError(def.type);
    }
  }

  private array(def: z.core.$ZodArrayDef): UnchangedCheck {
    const element = this.compile(def.element);
    return (value) => {
      if (!Array.isArray(value)) return REJECTED;
      let verdict: Verdict = UNCHANGED;
      for (let i = 0; i < value.length; i += 1) {
        const item = element(value[i]);
        if (item === REJECTED) return REJECTED;
        if (item === UNSURE) verdict = UNSURE;
      }
      return verdict;
    };
  }

  /**
   * zod builds a new object: the shape's keys in shape order (those present, or required), then, for a
   * loose object, the other keys in the input's order. The value is unchanged when its own keys already
   * come in that order and nothing would be stripped.
   */
  private object(def: z.core.$ZodObjectDef): UnchangedCheck {
    const shape = def.shape as Record<string, Schema>;
    const keys = Object.keys(shape);
    if (Object.getOwnPropertySymbols(shape).length > 0) throw new UnsupportedSchemaError('symbol keys');
    for (const key of keys) {
      if (INHERITED.has(key) || key === '__proto__' || /^(0|[1-9]\d*)$/.test(key))
        throw new UnsupportedSchemaError(`object key ${key}`);
    }
    const catchall = def.catchall as Schema | undefined;
    const catchallType = catchall?._zod.def.type;
    if (catchall && catchallType !== 'unknown' && catchallType !== 'any')
      throw new UnsupportedSchemaError(`object catchall ${catchallType}`);
    const loose = catchall !== undefined;
    const fields = keys.map((key) => this.compile(shape[key]!));
    const optional = keys.map((key) => fieldIsOptional(shape[key]!));
    if (this.generatedCode) {
      const patterns: RegExp[] = [];
      const generated = generateObjectCheck(
        keys.map((key, i) => ({
          key,
          check: fields[i]!,
          optional: optional[i]!,
          inline: inlineTest(shape[key]!, patterns),
        })),
        loose,
        patterns,
      );
      if (generated) return generated;
    }
    const isKey = new Set(keys);
    const n = keys.length;
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return REJECTED;
      const object = value as Record<string, unknown>;
      let verdict: Verdict = UNCHANGED;
      let next = 0;
      for (const key in object) {
        let at = next;
        while (at < n && keys[at] !== key) at += 1;
        if (at === n) {
          // Not the shape's next key: stripped (strict object), out of order, or a loose object's extra
          // key, which must come after every shape key present.
          if (!loose || isKey.has(key) || key === '__proto__') return UNSURE;
          // No shape key may follow: those not seen yet must be optional (and absent).
          for (let rest = next; rest < n; rest += 1) {
            if (!optional[rest]) return keys[rest]! in object ? UNSURE : REJECTED;
          }
          next = n;
          continue;
        }
        for (let skipped = next; skipped < at; skipped += 1) {
          if (!optional[skipped]) return keys[skipped]! in object ? UNSURE : REJECTED;
        }
        const field = fields[at]!(object[key]);
        if (field === REJECTED) return REJECTED;
        if (field === UNSURE) verdict = UNSURE;
        next = at + 1;
      }
      for (let rest = next; rest < n; rest += 1) {
        if (!optional[rest]) return keys[rest]! in object ? UNSURE : REJECTED;
      }
      return verdict;
    };
  }

  /** zod copies a record key by key (own enumerable keys, in order), skipping `__proto__`. */
  private record(def: z.core.$ZodRecordDef): UnchangedCheck {
    const keyDef = def.keyType._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (
      keyDef.type !== 'string' ||
      keyDef.coerce ||
      (keyDef.checks?.length ?? 0) > 0 ||
      def.keyType._zod.traits.has('$ZodCheck')
    )
      throw new UnsupportedSchemaError('record keys other than any string');
    const values = this.compile(def.valueType);
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return REJECTED;
      if (Object.getPrototypeOf(value) !== Object.prototype) return UNSURE;
      const record = value as Record<string, unknown>;
      let verdict: Verdict = UNCHANGED;
      for (const key in record) {
        if (key === '__proto__' || key === 'constructor') return UNSURE;
        const item = values(record[key]);
        if (item === REJECTED) return REJECTED;
        if (item === UNSURE) verdict = UNSURE;
      }
      return verdict;
    };
  }

  /** zod returns the first option that accepts the value: the first option not certainly refusing decides. */
  private union(def: z.core.$ZodUnionDef): UnchangedCheck {
    if ((def as { inclusive?: boolean }).inclusive === false)
      throw new UnsupportedSchemaError('exclusive union');
    const options = def.options.map((option) => this.compile(option));
    return (value) => {
      for (const option of options) {
        const verdict = option(value);
        if (verdict !== REJECTED) return verdict;
      }
      return REJECTED;
    };
  }

  /** zod picks the one option whose discriminator literal is the value's (no fallback to a plain union). */
  private discriminatedUnion(def: z.core.$ZodDiscriminatedUnionDef): UnchangedCheck {
    if (def.unionFallback) throw new UnsupportedSchemaError('discriminated union with fallback');
    const byTag = new Map<unknown, UnchangedCheck>();
    for (const option of def.options) {
      const optionDef = option._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
      if (optionDef.type !== 'object') throw new UnsupportedSchemaError('discriminated union of non-objects');
      const tag = (optionDef.shape as Record<string, Schema>)[def.discriminator];
      const tagDef = tag?._zod.def;
      if (!tag || tagDef?.type !== 'literal' || (tagDef.checks?.length ?? 0) > 0)
        throw new UnsupportedSchemaError('discriminator other than a literal');
      const compiled = this.compile(option);
      for (const value of (tagDef as z.core.$ZodLiteralDef<z.core.util.Literal>).values) {
        if (byTag.has(value)) throw new UnsupportedSchemaError('duplicate discriminator');
        byTag.set(value, compiled);
      }
    }
    const discriminator = def.discriminator;
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return REJECTED;
      const option = byTag.get((value as Record<string, unknown>)[discriminator]);
      return option ? option(value) : REJECTED;
    };
  }
}

/** Optional in zod's sense: an absent key is fine and stays absent (`.optional()`, not a default). */
function fieldIsOptional(field: Schema): boolean {
  const { optin, optout } = field._zod;
  if (optin === undefined) return false;
  if (optin === 'optional' && optout === 'optional') return true;
  throw new UnsupportedSchemaError(`field optionality ${optin}/${optout}`);
}

/**
 * compileUnchangedCheck on first use (schemas are not compiled by commands that never read a file). A
 * schema the compiler does not mirror answers UNSURE for every value: zod alone validates, as before.
 */
export function lazyUnchangedCheck(schema: z.ZodType): UnchangedCheck {
  let compiled: UnchangedCheck | undefined;
  return (value) => {
    if (!compiled) {
      try {
        compiled = compileUnchangedCheck(schema);
      } catch (error) {
        if (!(error instanceof UnsupportedSchemaError)) throw error;
        compiled = () => UNSURE;
      }
    }
    return compiled(value);
  };
}
