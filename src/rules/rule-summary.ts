import { z } from 'zod';
import { complianceRefSchema, fixStepsSchema } from '../findings/finding.js';
import { SEVERITIES } from '../findings/severity.js';
import { complianceRefs, type Rule, remediationOf } from './define-rule.js';

/** A rule as reports describe it (report.json `rules[]`, SARIF rules, `keysweep rules`). */
export const ruleSummarySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  aliases: z.array(z.string()),
  title: z.string().min(1),
  severity: z.enum(SEVERITIES),
  scope: z.enum(['account', 'organization']),
  resourceType: z.string(),
  rationale: z.string().min(1),
  remediation: fixStepsSchema,
  migration: z.string().nullable(),
  references: z.array(z.url()),
  compliance: z.array(complianceRefSchema),
  helpUri: z.url(),
});
export type RuleSummary = z.infer<typeof ruleSummarySchema>;

export const RULE_DOCS_BASE = 'https://github.com/keysweep/keysweep/blob/main/docs/rules.md';

/** The rule's text for reports, with its remediation for the rule's default options. */
export function ruleSummary(rule: Rule): RuleSummary {
  return configuredRuleSummary(rule, undefined);
}

/** The rule's text for reports, its remediation for the options it ran with (raw, as the config set them). */
export function configuredRuleSummary(rule: Rule, rawOptions: unknown): RuleSummary {
  return {
    id: rule.id,
    aliases: rule.aliases ?? [],
    title: rule.title,
    severity: rule.severity,
    scope: rule.scope,
    resourceType: rule.resourceType,
    rationale: rule.rationale,
    remediation: remediationOf(rule, rawOptions),
    migration: rule.migration ?? null,
    references: rule.references,
    compliance: complianceRefs(rule),
    helpUri: `${RULE_DOCS_BASE}#${rule.id}`,
  };
}
