import { z } from 'zod';
import { adviceWithRuleSteps, fillFixSteps, hasRuleSteps } from '../../findings/fill-fix-steps.js';
import {
  adviceSchema,
  type FixSteps,
  type MigrationAdvice,
  migrationAdviceSchema,
} from '../../findings/finding.js';
import type { RuleSummary } from '../../rules/rule-summary.js';
import { MigrationRecord, migrationRecord } from '../spool/migration-ref.js';
import { type ReportFinding, type ReportModel, reportFindingSchema, reportSchema } from './report-schema.js';

/*
 * report.json as written (schemaVersion 3): rule-level text (rationale, remediation, references,
 * compliance) once per rule in `rules[]`; migration advice once per resource in `migrations`; each
 * finding keeps only what is specific to it. The report model in memory keeps full findings, so every
 * reporter reads them the same way.
 */

/** Advice specific to one finding: each part only where it differs from the rule's or the resource's. */
export const findingAdviceSchema = adviceSchema.partial();

export const reportFileFindingSchema = reportFindingSchema
  .omit({ rationale: true, compliance: true, advice: true })
  .extend({
    advice: findingAdviceSchema.describe(
      "Only what is specific to this finding. summary absent: the rule's title. fixNow absent: the rule's " +
        'remediation (rules[].remediation) with its placeholders filled from this finding: <user>/<group> ' +
        'from resourceArn, <account-id> from accountId, <key-id>/<old-key-id>/<access-key-id> from subject ' +
        "when it is an access key id. migration absent: migrations[resourceArn], the resource's advice.",
    ),
  });
export type ReportFileFinding = z.infer<typeof reportFileFindingSchema>;

export const reportMigrationsSchema = z
  .record(z.string(), migrationAdviceSchema)
  .describe(
    'Migration advice per resource ARN (an IAM user, a root user, a role), shared by every finding on that resource.',
  );

export const reportFileSchema = reportSchema.extend({
  migrations: reportMigrationsSchema,
  findings: z.array(reportFileFindingSchema),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

/** What a finding takes from its rule when it is compacted or expanded. */
export type RuleText = Pick<RuleSummary, 'title' | 'rationale' | 'remediation' | 'compliance'>;

/** Migration advice per resource: the first finding's advice on each resource (shared objects). */
export function migrationsByResource(findings: Iterable<ReportFinding>): Map<string, MigrationAdvice> {
  const table = new Map<string, MigrationAdvice>();
  for (const finding of findings) {
    const migration = finding.advice.migration;
    if (migration && !table.has(finding.resourceArn)) table.set(finding.resourceArn, migration);
  }
  return table;
}

/** Two migration advices say the same (shared objects in memory; parsed copies when upgrading a file). */
function sameMigration(a: MigrationEntry | undefined, b: unknown): boolean {
  if (a === undefined) return false;
  if (a === b) return true;
  // Read back from a scan's spool: the same record is the same advice.
  const record = a instanceof MigrationRecord ? a : migrationRecord(a);
  const other = typeof b === 'object' && b !== null ? migrationRecord(b as MigrationAdvice) : undefined;
  if (record !== undefined && record.ref === other?.ref) return true;
  return (a instanceof MigrationRecord ? a.text() : JSON.stringify(a)) === JSON.stringify(b);
}

/**
 * What a writer keeps of a resource's migration table entry: the advice itself, or — advice read back
 * from a spool — its spool record (a million resources' advice objects would be ~600 MB of heap while
 * report.json is written).
 */
export type MigrationEntry = MigrationAdvice | MigrationRecord;

/** One entry of report.json's migrations table, as the JSON writer writes it. */
export interface MigrationTableEntry {
  resourceArn: string;
  /** What comparing a finding's advice with the entry takes (see MigrationEntry). */
  entry: MigrationEntry;
  /** The advice as JSON.stringify writes it. */
  json: string;
}

/** The table entry to keep for an advice (see MigrationEntry). */
export function migrationEntry(advice: MigrationAdvice): MigrationEntry {
  return migrationRecord(advice) ?? advice;
}

/** Whether parsed fix steps are what the rule's remediation gives when filled from the finding. */
function sameSteps(a: unknown, b: FixSteps): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const steps = a as Record<string, unknown>;
  return (
    Object.keys(steps).length === 2 && sameLines(steps.console, b.console) && sameLines(steps.cli, b.cli)
  );
}
const sameLines = (a: unknown, b: readonly string[]) =>
  Array.isArray(a) && a.length === b.length && a.every((line, i) => line === b[i]);

/**
 * Drops from a finding (any older shape, as parsed JSON) what its rule or its resource's migration
 * entry already says. Used by the report upgrades; the JSON writer has a faster path for in-memory
 * findings (ruled by identity) that yields the same records.
 */
export function compactFindingRecord(
  finding: Record<string, unknown>,
  rule: Pick<RuleText, 'title' | 'remediation'> | undefined,
  resourceMigration?: MigrationAdvice,
): Record<string, unknown> {
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(finding)) {
    if (key === 'rationale' || key === 'compliance') continue;
    if (key !== 'advice' || typeof value !== 'object' || value === null) {
      compact[key] = value;
      continue;
    }
    const { summary, fixNow, migration, ...rest } = value as Record<string, unknown>;
    compact.advice = {
      ...(summary !== undefined && summary !== rule?.title ? { summary } : {}),
      ...(fixNow !== undefined && !(rule && sameSteps(fixNow, filledFor(finding, rule))) ? { fixNow } : {}),
      ...(migration !== undefined && !sameMigration(resourceMigration, migration) ? { migration } : {}),
      ...rest,
    };
  }
  return compact;
}

function filledFor(finding: Record<string, unknown>, rule: Pick<RuleText, 'remediation'>): FixSteps {
  const text = (key: string) => (typeof finding[key] === 'string' ? (finding[key] as string) : '');
  return fillFixSteps(rule.remediation, text('resourceArn'), text('subject'), text('accountId'));
}

export function rulesById<R extends { id: string }>(rules: readonly R[]): Map<string, R> {
  return new Map(rules.map((rule) => [rule.id, rule]));
}

/**
 * One in-memory finding as report.json holds it: what its rule (title, filled remediation) and its
 * resource's migration entry say is left out.
 */
export function compactFinding(
  finding: ReportFinding,
  rule: RuleText | undefined,
  migrations: ReadonlyMap<string, MigrationAdvice>,
): ReportFileFinding {
  const advice = compactAdvice(finding, rule, migrations);
  // The finding's own key order, advice in its place.
  const compact: Record<string, unknown> = {};
  for (const key in finding) {
    if (key === 'advice') compact.advice = advice;
    else if (key !== 'rationale' && key !== 'compliance') compact[key] = finding[key as keyof ReportFinding];
  }
  return compact as ReportFileFinding;
}

/** A finding's advice as report.json holds it: each part only where the rule or resource does not say it. */
export function compactAdvice(
  finding: Pick<ReportFinding, 'advice' | 'resourceArn'>,
  rule: RuleText | undefined,
  migrations: ReadonlyMap<string, MigrationEntry>,
): ReportFileFinding['advice'] {
  const { advice } = finding;
  const compact = compactAdviceLessMigration(advice, rule);
  if (advice.migration && !sameMigration(migrations.get(finding.resourceArn), advice.migration))
    compact.migration = advice.migration;
  return compact;
}

/** compactAdvice without the migration advice (kept elsewhere, e.g. in a spool's file of migration advice). */
export function compactAdviceLessMigration(
  advice: ReportFinding['advice'],
  rule: RuleText | undefined,
): ReportFileFinding['advice'] {
  const compact: ReportFileFinding['advice'] = {};
  if (advice.summary !== rule?.title) compact.summary = advice.summary;
  if (!hasRuleSteps(advice)) compact.fixNow = advice.fixNow;
  return compact;
}

/** The report model as report.json holds it (findings compacted against `rules[]` and `migrations`). */
export function toReportFile(model: ReportModel): ReportFile {
  const rules = rulesById(model.rules);
  const migrations = migrationsByResource(model.findings);
  const { findings, ...rest } = model;
  return {
    ...rest,
    migrations: Object.fromEntries(migrations),
    findings: Array.from(findings, (finding) =>
      compactFinding(finding, rules.get(finding.ruleId), migrations),
    ),
  };
}

/** The identifying fields every form of a finding starts with, in their key order (one object literal). */
export function findingHead(finding: Omit<ReportFileFinding, 'advice' | 'details'>) {
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    severity: finding.severity,
    accountId: finding.accountId,
    resourceArn: finding.resourceArn,
    resourceType: finding.resourceType,
    subject: finding.subject,
    message: finding.message,
  };
}

/** A finding read back from report.json, with its rule's and its resource's text filled in again. */
export function expandFinding(
  finding: ReportFileFinding,
  rule: RuleText | undefined,
  migrations: Readonly<Record<string, MigrationAdvice>> = {},
): ReportFinding {
  const { advice } = finding;
  const migration = advice.migration ?? migrations[finding.resourceArn];
  const summary = advice.summary ?? rule?.title ?? finding.ruleId;
  // Built field by field in the file's key order (then the rule's text): an object rest or spread per
  // finding gave every expanded finding a hidden class of its own (~0.5 KB each, measured on a baseline).
  const expanded = findingHead(finding) as ReportFinding;
  expanded.details = finding.details;
  if (finding.waiver !== undefined) expanded.waiver = finding.waiver;
  if (finding.baselineState !== undefined) expanded.baselineState = finding.baselineState;
  if (finding.relatedTo !== undefined) expanded.relatedTo = finding.relatedTo;
  expanded.rationale = rule?.rationale ?? '';
  expanded.advice =
    advice.fixNow === undefined && rule
      ? adviceWithRuleSteps(summary, rule.remediation, expanded, migration)
      : {
          summary,
          fixNow: advice.fixNow ?? { console: [], cli: [] },
          ...(migration ? { migration } : {}),
        };
  expanded.compliance = rule?.compliance ?? [];
  return expanded;
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
