import { z } from 'zod';
import { describeZodError, InputError } from '../io/input-error.js';
import { readStructuredFile } from '../io/read-structured-file.js';
import { REPORT_SCHEMA_VERSION, type ReportFinding, reportSchema } from '../report/report-schema.js';

/** What a baseline must carry: the report's own schemaVersion and findings, and when it was taken. */
const baselineReportSchema = z.looseObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION, {
    error: `must be ${REPORT_SCHEMA_VERSION} (a report.json written by this keysweep version)`,
  }),
  scan: z.looseObject({ now: z.string() }),
  findings: reportSchema.shape.findings,
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
    .map(({ baselineState: _state, waiver: _waiver, ...finding }): ReportFinding => finding);
  return { now: parsed.data.scan.now, findings };
}
