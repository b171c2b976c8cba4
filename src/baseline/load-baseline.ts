import { z } from 'zod';
import { REPORT_VERSIONS } from '../inventory/versions/report-versions.js';
import { upgradeToCurrent } from '../inventory/versions/upgrade-chain.js';
import { describeZodError, InputError } from '../io/input-error.js';
import { readStructuredFile } from '../io/read-structured-file.js';
import { REPORT_SCHEMA_VERSION, type ReportFinding, reportSchema } from '../reporters/model/report-schema.js';

/** What a baseline must carry: the report's own schemaVersion and findings, and when it was taken. */
const baselineReportSchema = z.looseObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
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
  // An older report.json is upgraded in memory; a newer or foreign one is refused in one line.
  const data = upgradeToCurrent(await readStructuredFile(path), path, REPORT_VERSIONS);
  const parsed = baselineReportSchema.safeParse(data);
  if (!parsed.success) throw new InputError(describeZodError(path, parsed.error));
  const findings = parsed.data.findings
    .filter((f) => f.baselineState !== 'absent')
    .map(({ baselineState: _state, waiver: _waiver, ...finding }): ReportFinding => finding);
  return { now: parsed.data.scan.now, findings };
}
