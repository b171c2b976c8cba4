import { z } from 'zod';
import { complianceRefs, type Rule } from '../../define-rule.js';
import type { ComplianceRef, FixSteps } from '../../finding.js';
import type { Severity } from '../../severity.js';

export interface RuleOptionMetadata {
  name: string;
  type: string;
  default: unknown;
  description: string | null;
}

/** Everything keysweep knows about a rule, as `keysweep rules --format json` prints it and docs/rules.md renders it. */
export interface RuleMetadata {
  id: string;
  aliases: string[];
  title: string;
  severity: Severity;
  scope: Rule['scope'];
  resourceType: string;
  requires: string[];
  options: RuleOptionMetadata[];
  rationale: string;
  remediation: FixSteps;
  migration: string | null;
  references: string[];
  compliance: ComplianceRef[];
}

export function ruleMetadata(rule: Rule): RuleMetadata {
  return {
    id: rule.id,
    aliases: rule.aliases ?? [],
    title: rule.title,
    severity: rule.severity,
    scope: rule.scope,
    resourceType: rule.resourceType,
    requires: [...rule.requires],
    options: optionMetadata(rule),
    rationale: rule.rationale,
    remediation: rule.remediation,
    migration: rule.migration ?? null,
    references: rule.references,
    compliance: complianceRefs(rule),
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
