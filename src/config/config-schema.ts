import { z } from 'zod';
import { ALL_RULES } from '../rules/catalog/index.js';
import type { Rule } from '../rules/define-rule.js';

/** A rule's options, closed: a misspelt option is an error, not a silently ignored key. */
function strictOptions(rule: Rule): z.ZodType {
  return rule.options instanceof z.ZodObject ? rule.options.strict() : rule.options;
}

function ruleObject(rule: Rule) {
  return z.strictObject({
    enabled: z.boolean().optional().describe('Run this rule (default true).'),
    options: strictOptions(rule).optional().describe(rule.title),
  });
}

function configShape(setting: (rule: Rule) => z.ZodType) {
  return z.strictObject({
    $schema: z.string().optional(),
    breakGlassUsers: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Break-glass IAM users (user ARNs, or user names matching in every account), as the tag ' +
          'keysweep:break-glass=true marks them: checked for MFA, an unused password and no access keys, never told to migrate.',
      ),
    rules: z
      .strictObject(Object.fromEntries(ALL_RULES.map((rule) => [rule.id, setting(rule).optional()])), {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown rule id ${issue.keys.map((key) => `"${key}"`).join(', ')} (see keysweep rules)`
            : undefined,
      })
      .optional()
      .describe(
        'Rule ids (see `keysweep rules`): true/false to turn a rule on or off, or { enabled, options }.',
      ),
  });
}

/**
 * Validates keysweep.config.yaml / .json after `normalizeConfig` has turned `rule: false` into
 * `{ enabled: false }`: without a union, zod's first issue names the exact field (rules.<id>.options.<name>).
 */
export const configSchema = configShape(ruleObject);
export interface RuleSetting {
  enabled?: boolean;
  options?: unknown;
}
/** The parsed file; per-rule option types are checked by each rule's own schema. */
export interface KeysweepConfig {
  $schema?: string;
  breakGlassUsers?: string[];
  rules?: Record<string, RuleSetting | undefined>;
}

/** What people write (a boolean is shorthand for enabled); published as schemas/config.schema.json. */
const configFileSchema = configShape((rule) => z.union([z.boolean(), ruleObject(rule)]));

/** Turns the boolean shorthand into the object form, leaving everything else for the schema to judge. */
export function normalizeConfig(raw: unknown): unknown {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const rules = (raw as { rules?: unknown }).rules;
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return raw;
  const normalized = Object.fromEntries(
    Object.entries(rules).map(([id, value]) => [id, typeof value === 'boolean' ? { enabled: value } : value]),
  );
  return { ...raw, rules: normalized };
}

export const CONFIG_FILE_NAMES = [
  'keysweep.config.yaml',
  'keysweep.config.yml',
  'keysweep.config.json',
] as const;

/** The JSON Schema of the config file, as published in schemas/config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://github.com/keysweep/keysweep/blob/main/schemas/config.schema.json',
    title: 'keysweep configuration (keysweep.config.yaml / keysweep.config.json)',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
