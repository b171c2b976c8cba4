import { z } from 'zod';
import { REPORT_VERSIONS } from '../inventory/versions/report-versions.js';
import { upgradeToCurrent } from '../inventory/versions/upgrade-chain.js';
import { describeZodError, InputError } from '../io/input-error.js';
import { readStructuredFile } from '../io/read-structured-file.js';
import { expandFinding, reportFileSchema, rulesById } from '../reporters/model/report-file.js';
import { REPORT_SCHEMA_VERSION, type ReportFinding } from '../reporters/model/report-schema.js';
import { ruleSummarySchema } from '../rules/rule-summary.js';

/** What a baseline must carry: the report's own schemaVersion and findings, and when it was taken. */
const baselineReportSchema = z.looseObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  scan: z.looseObject({ now: z.string() }),
  // Rule-level text the findings leave out; absent from hand-made baselines, then findings keep their own.
  rules: z
    .array(
      ruleSummarySchema.pick({ id: true, title: true, rationale: true, remediation: true, compliance: true }),
    )
    .default([]),
  findings: reportFileSchema.shape.findings,
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
  const rules = rulesById(parsed.data.rules);
  const findings = parsed.data.findings
    .filter((f) => f.baselineState !== 'absent')
    .map(
      ({ baselineState: _state, waiver: _waiver, ...finding }): ReportFinding =>
        expandFinding(finding, rules.get(finding.ruleId)),
    );
  return { now: parsed.data.scan.now, findings };
}
