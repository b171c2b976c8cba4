import { z } from 'zod';
import { adviceSchema, type FixSteps } from '../../rules/finding.js';
import type { RuleSummary } from '../../rules/rule-summary.js';
import { type ReportFinding, type ReportModel, reportFindingSchema, reportSchema } from './report-schema.js';

/*
 * report.json as written (schemaVersion 2): rule-level text (rationale, remediation, references,
 * compliance) once per rule in `rules[]`; each finding keeps only what is specific to it. The report
 * model in memory keeps full findings, so every reporter reads them the same way.
 */

/** Advice specific to one finding: summary/fixNow only where they differ from the rule's. */
export const findingAdviceSchema = adviceSchema.partial();

export const reportFileFindingSchema = reportFindingSchema
  .omit({ rationale: true, compliance: true, advice: true })
  .extend({ advice: findingAdviceSchema });
export type ReportFileFinding = z.infer<typeof reportFileFindingSchema>;

export const reportFileSchema = reportSchema.extend({ findings: z.array(reportFileFindingSchema) });
export type ReportFile = z.infer<typeof reportFileSchema>;

/** What a finding takes from its rule when it is compacted or expanded. */
export type RuleText = Pick<RuleSummary, 'title' | 'rationale' | 'remediation' | 'compliance'>;

/**
 * Whether a finding's fix steps are its rule's, compared line by line: a JSON.stringify pair per finding
 * was a measurable part of writing report.json for 100k users.
 */
function sameSteps(a: unknown, b: FixSteps | undefined): boolean {
  if (b === undefined || typeof a !== 'object' || a === null) return false;
  const steps = a as Record<string, unknown>;
  return (
    Object.keys(steps).length === 2 && sameLines(steps.console, b.console) && sameLines(steps.cli, b.cli)
  );
}
const sameLines = (a: unknown, b: readonly string[]) =>
  Array.isArray(a) && a.length === b.length && a.every((line, i) => line === b[i]);

/**
 * Drops from a finding (any version-1 shape, as parsed JSON) what its rule already says. Shared by
 * the JSON writer and the v1 → v2 report upgrade, so both compact the same way.
 */
export function compactFindingRecord(
  finding: Record<string, unknown>,
  rule: Pick<RuleText, 'title' | 'remediation'> | undefined,
): Record<string, unknown> {
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(finding)) {
    if (key === 'rationale' || key === 'compliance') continue;
    if (key !== 'advice' || typeof value !== 'object' || value === null) {
      compact[key] = value;
      continue;
    }
    const { summary, fixNow, ...rest } = value as Record<string, unknown>;
    compact.advice = {
      ...(summary !== undefined && summary !== rule?.title ? { summary } : {}),
      ...(fixNow !== undefined && !sameSteps(fixNow, rule?.remediation) ? { fixNow } : {}),
      ...rest,
    };
  }
  return compact;
}

export function rulesById<R extends { id: string }>(rules: readonly R[]): Map<string, R> {
  return new Map(rules.map((rule) => [rule.id, rule]));
}

/** The report model as report.json holds it (findings compacted against `rules[]`). */
export function compactFindings(
  findings: readonly ReportFinding[],
  rules: Map<string, RuleText>,
): ReportFileFinding[] {
  return findings.map(
    (finding) => compactFindingRecord(finding, rules.get(finding.ruleId)) as ReportFileFinding,
  );
}

export function toReportFile(model: ReportModel): ReportFile {
  return { ...model, findings: compactFindings(model.findings, rulesById(model.rules)) };
}

/** A finding read back from report.json, with its rule's text filled in again. */
export function expandFinding(finding: ReportFileFinding, rule: RuleText | undefined): ReportFinding {
  const { advice, ...rest } = finding;
  return {
    ...rest,
    rationale: rule?.rationale ?? '',
    advice: {
      summary: advice.summary ?? rule?.title ?? finding.ruleId,
      fixNow: advice.fixNow ?? rule?.remediation ?? { console: [], cli: [] },
      ...(advice.migration ? { migration: advice.migration } : {}),
    },
    compliance: rule?.compliance ?? [],
  };
}

/** The published JSON Schema (schemas/report.schema.json), generated from the zod schema above. */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(reportFileSchema, { target: 'draft-2020-12', io: 'output' });
  return {
    $schema,
    $id: 'https://github.com/keysweep/keysweep/blob/main/schemas/report.schema.json',
    title: 'keysweep report (report.json)',
    description:
      'The JSON report written by `keysweep scan --format json`. New optional fields may be added within a schemaVersion; removing or changing a field bumps schemaVersion.',
    ...schema,
  };
}

export function renderReportSchema(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
