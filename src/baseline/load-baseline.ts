import { z } from 'zod';
import { readVersionedArrayStream } from '../inventory/versions/read-versioned-array-stream.js';
import { REPORT_VERSIONS } from '../inventory/versions/report-versions.js';
import { upgradeToCurrent } from '../inventory/versions/upgrade-chain.js';
import { describeZodError, InputError } from '../io/input-error.js';
import {
  expandFinding,
  type ReportFileFinding,
  reportFileFindingSchema,
  reportFileSchema,
  rulesById,
} from '../reporters/model/report-file.js';
import { REPORT_SCHEMA_VERSION, type ReportFinding } from '../reporters/model/report-schema.js';
import { type MigrationAdvice, migrationAdviceSchema } from '../rules/finding.js';
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
  // Absent from hand-made baselines and from older reports upgraded without findings: then none.
  migrations: reportFileSchema.shape.migrations.default({}),
  findings: reportFileSchema.shape.findings,
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
  const kept: ReportFileFinding[] = [];
  let findingError: string | null = null;
  // The migration table is read member by member too: at 100k IAM users it is 75 MiB of the report.
  const migrations: Record<string, MigrationAdvice> = Object.create(null);
  const read = await readVersionedArrayStream(
    path,
    'findings',
    REPORT_VERSIONS,
    (value, index) => {
      if (findingError) return;
      const parsed = reportFileFindingSchema.safeParse(value);
      if (!parsed.success) findingError = describeZodError(path, parsed.error, ['findings', index]);
      else if (parsed.data.baselineState !== 'absent') kept.push(parsed.data);
    },
    {
      key: 'migrations',
      onMember(arn, value) {
        if (findingError) return;
        const parsed = migrationAdviceSchema.safeParse(value);
        if (!parsed.success) findingError = describeZodError(path, parsed.error, ['migrations', arn]);
        else migrations[arn] = parsed.data;
      },
    },
  );
  // An older report.json is upgraded in memory (whole document); a newer or foreign one is refused in one line.
  const data = upgradeToCurrent(read.document, path, REPORT_VERSIONS);
  // Streamed: the report without its findings (an empty list stands in when the file had a findings array).
  const parsed = baselineReportSchema.safeParse(data);
  if (!parsed.success) throw new InputError(describeZodError(path, parsed.error));
  if (findingError) throw new InputError(findingError);
  const findings = read.streamed ? kept : parsed.data.findings.filter((f) => f.baselineState !== 'absent');
  const rules = rulesById(parsed.data.rules);
  return {
    now: parsed.data.scan.now,
    findings: findings.map(
      ({ baselineState: _state, waiver: _waiver, ...finding }): ReportFinding =>
        expandFinding(
          finding,
          rules.get(finding.ruleId),
          read.streamed ? migrations : parsed.data.migrations,
        ),
    ),
  };
}
