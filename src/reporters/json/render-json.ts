import { chunksText, Utf8Chunks } from '../../io/utf8-chunks.js';
import {
  compactAdvice,
  type MigrationEntry,
  type MigrationTableEntry,
  migrationEntry,
  type RuleText,
  rulesById,
  toReportFile,
} from '../../report/model/report-file.js';
import type { ReportFinding, ReportModel } from '../../report/model/report-model.js';
import { storedMigrationTable, storedReportFileLine } from '../../report/spool/stored-report-lines.js';

const TAIL_MARKER = '"migrations": {},\n  "findings": []';

/**
 * report.json in UTF-8 chunks: the report file (toReportFile: findings compacted against `rules[]` and
 * `migrations`) pretty-printed, except that each migration entry and each finding is one line of compact
 * JSON — a report with hundreds of thousands of findings stays greppable, and neither the migration
 * table nor the findings are ever one string (at 100k IAM users the pretty-printed table alone was
 * ~100 MB that stayed alive while the findings were written). `migrations` and `findings` come last.
 * Each line is encoded on its own (see Utf8Chunks: a `→` in one finding's advice no longer makes its
 * neighbours two-byte). Its published contract is schemas/report.schema.json.
 */
export function* renderJsonChunks(model: ReportModel): Generator<Uint8Array> {
  const out = new Utf8Chunks();
  if (model.findings.length === 0) {
    out.text(`${JSON.stringify(toReportFile(model), null, 2)}\n`);
    yield* out.rest();
    return;
  }
  const rules = rulesById(model.rules);
  const { findings, ...rest } = model;
  const shell = JSON.stringify({ ...rest, migrations: {}, findings: [] }, null, 2);
  const at = shell.indexOf(TAIL_MARKER);
  out.text(`${shell.slice(0, at)}"migrations": {`);
  // The table (each resource's first advice in report order) is written as it is found; what is kept
  // of each entry is what comparing a finding's advice with it takes (see MigrationEntry).
  const migrations = new Map<string, MigrationEntry>();
  let separator = '\n    ';
  for (const { resourceArn, entry, json: advice } of storedMigrationTable(findings) ??
    tableOf(findings, migrations)) {
    migrations.set(resourceArn, entry);
    out.text(`${separator}${json(resourceArn)}: ${advice}`);
    separator = ',\n    ';
    if (out.hasFilled) yield* out.filled();
  }
  out.text(`${migrations.size === 0 ? '}' : '\n  }'},\n  "findings": [\n`);
  // Read in one pass (a list kept on disk reads its file once).
  separator = '    ';
  for (const finding of findings) {
    const line =
      storedReportFileLine(finding, migrations) ??
      findingLine(finding, rules.get(finding.ruleId), migrations);
    out.text(separator + line);
    separator = ',\n    ';
    if (out.hasFilled) yield* out.filled();
  }
  out.text(`\n  ]${shell.slice(at + TAIL_MARKER.length)}\n`);
  yield* out.rest();
}

const json = JSON.stringify;

/** The migrations table read from the findings: each resource's first advice in report order. */
function* tableOf(
  findings: Iterable<ReportFinding>,
  seen: ReadonlyMap<string, MigrationEntry>,
): Generator<MigrationTableEntry> {
  for (const finding of findings) {
    const migration = finding.advice.migration;
    if (!migration || seen.has(finding.resourceArn)) continue;
    yield { resourceArn: finding.resourceArn, entry: migrationEntry(migration), json: json(migration) };
  }
}

/**
 * One finding as report.json holds it (compactFinding), written field by field: building a compact copy
 * of every finding only to stringify it was a third of the JSON writer's time at 100k IAM users. The
 * finding schema's key order; a test holds it equal to JSON.stringify(compactFinding(...)) for every demo finding.
 */
export function findingLine(
  finding: ReportFinding,
  rule: RuleText | undefined,
  migrations: ReadonlyMap<string, MigrationEntry>,
): string {
  const advice = compactAdvice(finding, rule, migrations);
  let line =
    `{"id":${json(finding.id)},"ruleId":${json(finding.ruleId)},"severity":${json(finding.severity)},` +
    `"accountId":${json(finding.accountId)},"resourceArn":${json(finding.resourceArn)},` +
    `"resourceType":${json(finding.resourceType)},"subject":${json(finding.subject)},` +
    `"message":${json(finding.message)},"advice":${adviceJson(advice)},"details":${json(finding.details)}`;
  if (finding.waiver !== undefined) line += `,"waiver":${json(finding.waiver)}`;
  if (finding.baselineState !== undefined) line += `,"baselineState":${json(finding.baselineState)}`;
  if (finding.relatedTo !== undefined) line += `,"relatedTo":${json(finding.relatedTo)}`;
  return `${line}}`;
}

/** Most findings' compact advice says nothing beyond the rule and the migrations table: `{}` as it is. */
function adviceJson(advice: ReturnType<typeof compactAdvice>): string {
  return advice.summary === undefined && advice.fixNow === undefined && advice.migration === undefined
    ? '{}'
    : json(advice);
}

export function renderJson(model: ReportModel): string {
  return chunksText(renderJsonChunks(model));
}
