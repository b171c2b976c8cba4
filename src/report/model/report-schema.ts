import { z } from 'zod';
import { findingSchema, notEvaluatedSchema } from '../../findings/finding.js';
import { SEVERITIES } from '../../findings/severity.js';
import { ruleSummarySchema } from '../../rules/rule-summary.js';
import { baselineSummarySchema } from '../baseline/baseline-summary.js';
import { waiverReportSchema } from '../waivers/waiver-report.js';
import { complianceControlStatusSchema } from './compliance-summary.js';
import type { FindingList } from './finding-list.js';
import { inventoryStatsSchema } from './inventory-stats.js';
import { scanSummarySchema } from './scan-status.js';

/*
 * report.json, once: the types of the report model are inferred from these schemas, and
 * schemas/report.schema.json is generated from them via report-file.ts (scripts/generate-report-schema.ts; a test fails
 * when the committed file is stale).
 */

/**
 * 2: findings carry only finding-specific advice; rule-level text is in `rules[]` once (issue 14).
 * 3: migration advice once per resource in `migrations`; fix steps only where they are not the rule's
 *    remediation filled in from the finding; one finding per line (issue 14).
 */
export const REPORT_SCHEMA_VERSION = 3;

const count = z.number().int().min(0);

export const reportFindingSchema = findingSchema.extend({
  /** Set when a waiver applies: the finding stays in the report but never fails CI. */
  waiver: z
    .object({ reason: z.string().min(1), owner: z.string().nullable(), expires: z.string().nullable() })
    .optional(),
  /** Set when compared with a baseline report. */
  baselineState: z.enum(['new', 'unchanged', 'absent']).optional(),
  /**
   * Set when this finding is one more fact about the same access key as a worse finding (that finding's
   * id): reports show one problem per key. The finding still counts for its rule and compliance control.
   */
  relatedTo: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .describe('Id of the worse finding about the same access key; reports show them as one problem.')
    .optional(),
});
export type ReportFinding = z.infer<typeof reportFindingSchema>;

export const reportSummarySchema = z.object({
  total: count,
  bySeverity: z.object(
    Object.fromEntries(SEVERITIES.map((s) => [s, count])) as Record<
      (typeof SEVERITIES)[number],
      typeof count
    >,
  ),
  byRule: z.record(z.string(), count),
  byAccount: z.record(z.string(), count),
  waived: count,
});

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('keysweep'), version: z.string().min(1) }),
  scan: scanSummarySchema,
  rules: z.array(ruleSummarySchema),
  findings: z.array(reportFindingSchema),
  notEvaluated: z.array(notEvaluatedSchema),
  inventory: inventoryStatsSchema,
  compliance: z
    .array(complianceControlStatusSchema)
    .describe(
      'Status of each compliance control the rules map to; a control is passed only when every rule of it ran everywhere and found nothing.',
    ),
  waivers: waiverReportSchema.optional(),
  baseline: baselineSummarySchema.optional(),
  summary: reportSummarySchema,
});
/**
 * The report in memory: as report.json's schema says, except that the findings are a FindingList (an
 * array, or a list kept on disk that is read again on each pass).
 */
export type ReportModel = Omit<z.infer<typeof reportSchema>, 'findings'> & { findings: FindingList };
export type { RuleSummary } from '../../rules/rule-summary.js';
