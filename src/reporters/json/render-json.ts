import type { MigrationAdvice } from '../../rules/finding.js';
import {
  compactAdvice,
  migrationsByResource,
  type RuleText,
  rulesById,
  toReportFile,
} from '../model/report-file.js';
import type { ReportFinding, ReportModel } from '../model/report-model.js';

const FINDINGS_MARKER = '"findings": []';
/** Big enough that stream overhead is negligible, small enough to stay far from V8's string limit. */
const FINDINGS_PER_CHUNK = 1_000;

/**
 * report.json in chunks: the report file (toReportFile: findings compacted against `rules[]` and
 * `migrations`) pretty-printed, except that each finding is one line of compact JSON — a report with
 * hundreds of thousands of findings stays greppable and never needs one string larger than V8 allows.
 * Its published contract is schemas/report.schema.json.
 */
export function* renderJsonChunks(model: ReportModel): Generator<string> {
  if (model.findings.length === 0) {
    yield `${JSON.stringify(toReportFile(model), null, 2)}\n`;
    return;
  }
  const rules = rulesById(model.rules);
  const migrations = migrationsByResource(model.findings);
  const { findings, ...rest } = model;
  const shell = JSON.stringify({ ...rest, migrations: migrationsObject(migrations), findings: [] }, null, 2);
  const at = shell.indexOf(FINDINGS_MARKER);
  yield `${shell.slice(0, at)}"findings": [\n`;
  for (let start = 0; start < findings.length; start += FINDINGS_PER_CHUNK) {
    let text = '';
    const end = Math.min(findings.length, start + FINDINGS_PER_CHUNK);
    for (let i = start; i < end; i += 1) {
      const finding = findings[i]!;
      const line = findingLine(finding, rules.get(finding.ruleId), migrations);
      text += i === 0 ? `    ${line}` : `,\n    ${line}`;
    }
    yield text;
  }
  yield `\n  ]${shell.slice(at + FINDINGS_MARKER.length)}\n`;
}

const json = JSON.stringify;

/**
 * One finding as report.json holds it (compactFinding), written field by field: building a compact copy
 * of every finding only to stringify it was a third of the JSON writer's time at 100k IAM users. The
 * finding schema's key order; a test holds it equal to JSON.stringify(compactFinding(...)) for every demo finding.
 */
export function findingLine(
  finding: ReportFinding,
  rule: RuleText | undefined,
  migrations: ReadonlyMap<string, MigrationAdvice>,
): string {
  const advice = compactAdvice(finding, rule, migrations);
  let line =
    `{"id":${json(finding.id)},"ruleId":${json(finding.ruleId)},"severity":${json(finding.severity)},` +
    `"accountId":${json(finding.accountId)},"resourceArn":${json(finding.resourceArn)},` +
    `"resourceType":${json(finding.resourceType)},"subject":${json(finding.subject)},` +
    `"message":${json(finding.message)},"advice":${json(advice)},"details":${json(finding.details)}`;
  if (finding.waiver !== undefined) line += `,"waiver":${json(finding.waiver)}`;
  if (finding.baselineState !== undefined) line += `,"baselineState":${json(finding.baselineState)}`;
  if (finding.relatedTo !== undefined) line += `,"relatedTo":${json(finding.relatedTo)}`;
  return `${line}}`;
}

function migrationsObject(table: ReadonlyMap<string, MigrationAdvice>): Record<string, MigrationAdvice> {
  return Object.fromEntries(table);
}

export function renderJson(model: ReportModel): string {
  return [...renderJsonChunks(model)].join('');
}
