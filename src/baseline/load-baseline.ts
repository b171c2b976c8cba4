import { z } from 'zod';
import { describeZodError, InputError } from '../io/input-error.js';
import { readJsonArrayStream } from '../io/streaming/read-json-array-stream.js';
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

/**
 * Reads a previous report.json finding by finding (a large organization's report is gigabytes: never one
 * string); a wrong file is one InputError line naming file and field, report-level fields first.
 */
export async function loadBaseline(path: string): Promise<BaselineReport> {
  const findings: ReportFinding[] = [];
  let findingError: string | null = null;
  const { rest } = await readJsonArrayStream(path, 'findings', (value, index) => {
    if (findingError) return;
    const parsed = baselineFindingSchema.safeParse(value);
    if (!parsed.success) {
      findingError = describeZodError(path, parsed.error, ['findings', index]);
      return;
    }
    if (parsed.data.baselineState === 'absent') return;
    const { baselineState: _state, waiver: _waiver, ...finding } = parsed.data;
    findings.push(finding as unknown as ReportFinding);
  });
  // The report without its findings (an empty list stands in when the file had a findings array).
  const report = baselineReportSchema.safeParse(rest);
  if (!report.success) throw new InputError(describeZodError(path, report.error));
  if (findingError) throw new InputError(findingError);
  return { now: report.data.scan.now, findings };
}
