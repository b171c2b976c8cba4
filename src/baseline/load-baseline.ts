import { z } from 'zod';
import { describeZodError, InputError } from '../io/input-error.js';
import { readStructuredFile } from '../io/read-structured-file.js';
import type { ReportFinding } from '../report/report-model.js';
import { REPORT_SCHEMA_VERSION } from '../report/report-model.js';
import { SEVERITIES } from '../rules/severity.js';

const fixStepsSchema = z.object({ console: z.array(z.string()), cli: z.array(z.string()) });

/** What a baseline finding must carry to be matched and, if gone, shown as absent. */
const baselineFindingSchema = z.looseObject({
  id: z.string(),
  ruleId: z.string().min(1),
  severity: z.enum(SEVERITIES),
  accountId: z.string(),
  resourceArn: z.string().min(1),
  resourceType: z.string(),
  subject: z.string().default(''),
  message: z.string(),
  rationale: z.string().default(''),
  advice: z.looseObject({ summary: z.string(), fixNow: fixStepsSchema }),
  compliance: z
    .array(z.object({ framework: z.enum(['CIS-AWS-3.0', 'CIS-AWS-5.0', 'AWS-FSBP']), control: z.string() }))
    .default([]),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  baselineState: z.enum(['new', 'unchanged', 'absent']).optional(),
});

const baselineReportSchema = z.looseObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION, {
    error: `must be ${REPORT_SCHEMA_VERSION} (a report.json written by this keysweep version)`,
  }),
  scan: z.looseObject({ now: z.string() }),
  findings: z.array(baselineFindingSchema),
});

export interface BaselineReport {
  now: string;
  /** Findings present when the baseline was taken (its own absent ones are dropped). */
  findings: ReportFinding[];
}

/** Reads a previous report.json; a wrong file is one InputError line naming file and field. */
export async function loadBaseline(path: string): Promise<BaselineReport> {
  const parsed = baselineReportSchema.safeParse(await readStructuredFile(path));
  if (!parsed.success) throw new InputError(describeZodError(path, parsed.error));
  const findings = parsed.data.findings
    .filter((f) => f.baselineState !== 'absent')
    .map(({ baselineState: _state, waiver: _waiver, ...finding }) => finding as unknown as ReportFinding);
  return { now: parsed.data.scan.now, findings };
}
