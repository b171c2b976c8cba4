import { z } from 'zod';
import type { Rule } from './define-rule.js';
import { type RuleSummary, ruleSummary } from './rule-summary.js';

export interface RuleOptionMetadata {
  name: string;
  type: string;
  default: unknown;
  description: string | null;
}

/**
 * Everything keysweep knows about a rule, as `keysweep rules --format json` prints it and docs/rules.md
 * renders it: the report's rule summary plus what the rule reads and its options.
 */
export interface RuleMetadata extends RuleSummary {
  requires: string[];
  /** The texts the rule reports, by message id, with `{placeholder}`s filled from each finding's data. */
  messages: Record<string, string>;
  options: RuleOptionMetadata[];
}

export function ruleMetadata(rule: Rule): RuleMetadata {
  return {
    ...ruleSummary(rule),
    requires: [...rule.requires],
    messages: { ...rule.messages },
    options: optionMetadata(rule),
  };
}

/** Options read from the zod schema itself, so documentation cannot drift from the defaults the code uses. */
function optionMetadata(rule: Rule): RuleOptionMetadata[] {
  const schema = z.toJSONSchema(rule.options, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<
      string,
      {
        type?: string;
        default?: unknown;
        description?: string;
        items?: { type?: string; enum?: unknown[] };
        enum?: unknown[];
      }
    >;
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: describeType(property),
    default: property.default ?? null,
    description: property.description ?? null,
  }));
}

function describeType(property: {
  type?: string;
  items?: { type?: string; enum?: unknown[] };
  enum?: unknown[];
}): string {
  if (property.type === 'array') {
    const item = property.items?.enum
      ? property.items.enum.map((v) => JSON.stringify(v)).join(' | ')
      : property.items?.type;
    return `array of ${item ?? 'values'}`;
  }
  return property.type ?? 'value';
}
