import { z } from 'zod';
import { type MigrationAdvice, migrationAdviceSchema } from '../../findings/finding.js';
import { UNCHANGED } from '../../inventory/unchanged-check/verdict.js';
import { readVersionedArrayStream } from '../../inventory/versions/read-versioned-array-stream.js';
import { upgradeToCurrent } from '../../inventory/versions/upgrade-chain.js';
import { describeZodError, InputError } from '../../io/input-error.js';
import { ruleSummarySchema } from '../../rules/rule-summary.js';
import {
  expandFinding,
  type ReportFileFinding,
  reportFileFindingSchema,
  reportFileSchema,
  rulesById,
} from '../model/report-file.js';
import { REPORT_SCHEMA_VERSION, type ReportFinding } from '../model/report-schema.js';
import { REPORT_VERSIONS } from '../versions/report-versions.js';
import { baselineFindingUnchanged, migrationAdviceUnchanged } from './baseline-checks.js';
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
    (value, index, _range, text) => {
      if (findingError) return;
      // A finding zod would return as it is (most are) is taken as parsed, and its text as report.json has
      // it is kept as its line; zod reads the others (and words any error).
      let finding = value as ReportFileFinding;
      if (baselineFindingUnchanged(value) !== UNCHANGED) {
        const parsed = reportFileFindingSchema.safeParse(value);
        if (!parsed.success) {
          findingError = describeZodError(path, parsed.error, ['findings', index]);
          return;
        }
        finding = parsed.data;
      } else if (finding.baselineState === undefined && finding.waiver === undefined) {
        spooled.addLine(finding, text);
        return;
      }
      if (finding.baselineState !== 'absent') {
        const { baselineState: _state, waiver: _waiver, ...rest } = finding;
        spooled.add(rest);
      }
    },
    {
      key: 'migrations',
      onMember(arn, value) {
        if (findingError) return;
        if (migrationAdviceUnchanged(value) === UNCHANGED) {
          spooled.addMigration(arn, value as MigrationAdvice);
          return;
        }
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
