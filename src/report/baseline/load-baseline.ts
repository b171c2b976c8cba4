import { z } from 'zod';
import { migrationAdviceSchema } from '../../findings/finding.js';
import { readVersionedArrayStream } from '../../inventory/versions/read-versioned-array-stream.js';
import { upgradeToCurrent } from '../../inventory/versions/upgrade-chain.js';
import { describeZodError, InputError } from '../../io/input-error.js';
import { ruleSummarySchema } from '../../rules/rule-summary.js';
import { expandFinding, reportFileFindingSchema, reportFileSchema, rulesById } from '../model/report-file.js';
import { REPORT_SCHEMA_VERSION, type ReportFinding } from '../model/report-schema.js';
import { REPORT_VERSIONS } from '../versions/report-versions.js';
import { type BaselineFindings, baselineFindingsOf } from './baseline-findings.js';
import { SpooledBaseline } from './spooled-baseline.js';

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
  // Absent from hand-made baselines and from older reports upgraded without findings: then none.
  migrations: reportFileSchema.shape.migrations.default({}),
  findings: reportFileSchema.shape.findings,
});

export interface BaselineReport {
  now: string;
  /** Findings present when the baseline was taken (its own absent ones are dropped). */
  findings: BaselineFindings;
}

/**
 * Reads a previous report.json finding by finding (a large organization's report is gigabytes: never one
 * string); a wrong file is one InputError line naming file and field, report-level fields first.
 */
export async function loadBaseline(path: string): Promise<BaselineReport> {
  const spooled = new SpooledBaseline();
  let findingError: string | null = null;
  // The migration table is read member by member too: at 100k IAM users it is 75 MiB of the report.
  const read = await readVersionedArrayStream(
    path,
    'findings',
    REPORT_VERSIONS,
    (value, index) => {
      if (findingError) return;
      const parsed = reportFileFindingSchema.safeParse(value);
      if (!parsed.success) findingError = describeZodError(path, parsed.error, ['findings', index]);
      else if (parsed.data.baselineState !== 'absent') {
        const { baselineState: _state, waiver: _waiver, ...finding } = parsed.data;
        spooled.add(finding);
      }
    },
    {
      key: 'migrations',
      onMember(arn, value) {
        if (findingError) return;
        const parsed = migrationAdviceSchema.safeParse(value);
        if (!parsed.success) findingError = describeZodError(path, parsed.error, ['migrations', arn]);
        else spooled.addMigration(arn, parsed.data);
      },
    },
  ).catch((error: unknown) => {
    spooled.remove();
    throw error;
  });
  try {
    // An older report.json is upgraded in memory (whole document); a newer or foreign one is refused in one line.
    const data = upgradeToCurrent(read.document, path, REPORT_VERSIONS);
    // Streamed: the report without its findings (an empty list stands in when the file had a findings array).
    const parsed = baselineReportSchema.safeParse(data);
    if (!parsed.success) throw new InputError(describeZodError(path, parsed.error));
    if (findingError) throw new InputError(findingError);
    const rules = rulesById(parsed.data.rules);
    if (read.streamed) return { now: parsed.data.scan.now, findings: spooled.finish(rules) };
    spooled.remove();
    // Upgraded from an older version: small, and in memory already.
    const findings = parsed.data.findings
      .filter((f) => f.baselineState !== 'absent')
      .map(
        ({ baselineState: _state, waiver: _waiver, ...finding }): ReportFinding =>
          expandFinding(finding, rules.get(finding.ruleId), parsed.data.migrations),
      );
    return { now: parsed.data.scan.now, findings: baselineFindingsOf(findings) };
  } catch (error) {
    spooled.remove();
    throw error;
  }
}
