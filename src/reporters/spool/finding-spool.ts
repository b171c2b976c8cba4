import type { FindingSink } from '../../rules/engine.js';
import { adviceWithRuleSteps } from '../../rules/fill-fix-steps.js';
import { type Finding, findingId, type MigrationAdvice } from '../../rules/finding.js';
import { SEVERITIES, type Severity } from '../../rules/severity.js';
import type { FindingList } from '../model/finding-list.js';
import { relatedPrimaries } from '../model/related-findings.js';
import { compactAdvice, type ReportFileFinding, type RuleText } from '../model/report-file.js';
import type { ReportFinding, ReportModel } from '../model/report-schema.js';
import { Column } from './growable.js';
import { withMigrationRef } from './migration-ref.js';
import { reportOrder } from './report-order.js';
import { SpoolFile } from './spool-file.js';
import { SpoolPageReader, SpoolReader } from './spool-reader.js';

const NO_MIGRATIONS: ReadonlyMap<string, MigrationAdvice> = new Map();
const KEY_ONLY_WORKLOAD = 1;

/**
 * Findings written to a temporary file as the engine makes them, so a scan of a very large organization
 * does not hold millions of finding objects: in memory stay only a few numbers per finding (severity,
 * rule, account, where its line is) and its resource ARN and subject (strings the inventory holds anyway).
 * Each finding is one line of report.json's compact form; its migration advice, shared by every finding
 * on the resource, is written once to a second file. `finish()` sorts the findings into report order and
 * relates them (one problem per access key) from those columns alone, and returns a FindingList that
 * reads the lines back in that order on every pass.
 */
export class FindingSpool implements FindingSink {
  private readonly lines = new SpoolFile('findings.jsonl');
  private readonly migrationLines = new SpoolFile('migrations.jsonl');
  private readonly rules: ReadonlyMap<string, RuleText>;
  private count = 0;
  private readonly severity = new Column((n) => new Uint8Array(n));
  private readonly rule = new Column((n) => new Uint16Array(n));
  private readonly account = new Column((n) => new Uint32Array(n));
  private readonly offset = new Column((n) => new Float64Array(n));
  private readonly length = new Column((n) => new Uint32Array(n));
  private readonly migration = new Column((n) => new Int32Array(n));
  private readonly flags = new Column((n) => new Uint8Array(n));
  private readonly arns: string[] = [];
  private readonly subjects: string[] = [];
  private readonly ruleIds = new Interned();
  private readonly accountIds = new Interned();
  /** Each advice object once (rules share one per user); dropped by finish(). */
  private migrationRefs = new Map<MigrationAdvice, number>();
  private migrationCount = 0;
  private readonly migrationOffset = new Column((n) => new Float64Array(n));
  private readonly migrationLength = new Column((n) => new Uint32Array(n));

  constructor(rules: ReadonlyMap<string, RuleText>) {
    this.rules = rules;
  }

  startRule(_ruleId: string): void {}

  add(finding: Finding): void {
    const i = this.count;
    const advice = compactAdvice(finding, this.rules.get(finding.ruleId), NO_MIGRATIONS);
    delete advice.migration;
    const line = JSON.stringify({
      id: finding.id,
      ruleId: finding.ruleId,
      severity: finding.severity,
      accountId: finding.accountId,
      resourceArn: finding.resourceArn,
      resourceType: finding.resourceType,
      subject: finding.subject,
      message: finding.message,
      advice,
      details: finding.details,
    });
    this.offset.set(i, this.lines.size);
    this.length.set(i, this.lines.append(line));
    this.severity.set(i, SEVERITIES.indexOf(finding.severity));
    this.rule.set(i, this.ruleIds.of(finding.ruleId));
    this.account.set(i, this.accountIds.of(finding.accountId));
    this.migration.set(i, finding.advice.migration ? this.migrationRef(finding.advice.migration) : -1);
    this.flags.set(i, finding.details.keyOnlyWorkload === true ? KEY_ONLY_WORKLOAD : 0);
    this.arns.push(finding.resourceArn);
    this.subjects.push(finding.subject);
    this.count += 1;
  }

  private migrationRef(advice: MigrationAdvice): number {
    let ref = this.migrationRefs.get(advice);
    if (ref === undefined) {
      ref = this.migrationCount;
      this.migrationCount += 1;
      this.migrationOffset.set(ref, this.migrationLines.size);
      this.migrationLength.set(ref, this.migrationLines.append(JSON.stringify(advice)));
      this.migrationRefs.set(advice, ref);
    }
    return ref;
  }

  /** Sorts and relates the findings; the spool takes no more findings after this. */
  finish(): SpooledFindings {
    this.lines.flush();
    this.migrationLines.flush();
    this.migrationRefs = new Map();
    const count = this.count;
    const columns: SpoolColumns = {
      count,
      severity: this.severity.values(count),
      rule: this.rule.values(count),
      account: this.account.values(count),
      offset: this.offset.values(count),
      length: this.length.values(count),
      migration: this.migration.values(count),
      arns: this.arns,
      subjects: this.subjects,
      ruleIds: this.ruleIds.values,
      accountIds: this.accountIds.values,
    };
    const flags = this.flags.values(count);
    const related = relatedPrimaries(count, (i) => ({
      severity: SEVERITIES[columns.severity[i]!]!,
      ruleId: columns.ruleIds[columns.rule[i]!]!,
      resourceArn: columns.arns[i]!,
      subject: columns.subjects[i]!,
      keyOnlyWorkload: (flags[i]! & KEY_ONLY_WORKLOAD) !== 0,
    }));
    return new SpooledFindings(
      columns,
      reportOrder(columns),
      related,
      { findings: this.lines, migrations: this.migrationLines },
      {
        rules: this.rules,
        migrationOffset: this.migrationOffset.values(this.migrationCount),
        migrationLength: this.migrationLength.values(this.migrationCount),
      },
    );
  }

  /** Removes the files (when the scan fails before finish()). */
  remove(): void {
    this.lines.remove();
    this.migrationLines.remove();
  }
}

/** Strings numbered in order of first appearance. */
class Interned {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();
  of(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(value, n);
    }
    return n;
  }
}

/** The in-memory columns of a spool: per finding, in the order the engine made them. */
export interface SpoolColumns {
  count: number;
  /** Index into SEVERITIES. */
  severity: Uint8Array;
  rule: Uint16Array;
  account: Uint32Array;
  offset: Float64Array;
  length: Uint32Array;
  /** Migration record, or -1. */
  migration: Int32Array;
  arns: readonly string[];
  subjects: readonly string[];
  ruleIds: readonly string[];
  accountIds: readonly string[];
}

/** The findings of a finished spool, in report order; read from disk on every pass. */
export class SpooledFindings implements FindingList {
  readonly length: number;
  private readonly migrationFile: SpoolPageReader;

  constructor(
    private readonly columns: SpoolColumns,
    private readonly order: Uint32Array,
    private readonly related: Int32Array,
    private readonly files: { findings: SpoolFile; migrations: SpoolFile },
    private readonly text: {
      rules: ReadonlyMap<string, RuleText>;
      migrationOffset: Float64Array;
      migrationLength: Uint32Array;
    },
  ) {
    this.length = columns.count;
    this.migrationFile = new SpoolPageReader(files.migrations, text.migrationOffset, text.migrationLength);
  }

  *[Symbol.iterator](): Iterator<ReportFinding> {
    const { order, columns, related } = this;
    const reader = new SpoolReader(this.files.findings, columns.offset, columns.length);
    const count = order.length;
    for (let position = 0; position < count; position += 1) {
      const index = order[position]!;
      const line = reader.text(index, (ahead) => (position + ahead < count ? order[position + ahead]! : -1));
      const finding = this.expand(JSON.parse(line) as ReportFileFinding, columns.migration[index]!);
      const primary = related[index]!;
      if (primary >= 0) finding.relatedTo = this.idOf(primary);
      yield finding;
    }
  }

  /** The counts report.json's `summary` holds, from the columns (before waivers and baseline). */
  summary(): ReportModel['summary'] {
    const { order, columns } = this;
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    const byRule: Record<string, number> = {};
    const byAccount: Record<string, number> = {};
    for (const index of order) {
      bySeverity[SEVERITIES[columns.severity[index]!]!] += 1;
      const ruleId = columns.ruleIds[columns.rule[index]!]!;
      byRule[ruleId] = (byRule[ruleId] ?? 0) + 1;
      const accountId = columns.accountIds[columns.account[index]!]!;
      byAccount[accountId] = (byAccount[accountId] ?? 0) + 1;
    }
    return { total: order.length, bySeverity, byRule, byAccount, waived: 0 };
  }

  /** The rule id of every finding (for counts), without reading the file. */
  *ruleIdsOfFindings(): Generator<{ ruleId: string }> {
    for (const rule of this.columns.rule) yield { ruleId: this.columns.ruleIds[rule]! };
  }

  /** Deletes the files; the list cannot be read afterwards. */
  remove(): void {
    this.files.findings.remove();
    this.files.migrations.remove();
  }

  private idOf(index: number): string {
    const { columns } = this;
    return findingId(columns.ruleIds[columns.rule[index]!]!, columns.arns[index]!, columns.subjects[index]!);
  }

  private expand(line: ReportFileFinding, migrationRecord: number): ReportFinding {
    const rule = this.text.rules.get(line.ruleId);
    const migration =
      migrationRecord >= 0
        ? withMigrationRef(
            JSON.parse(this.migrationFile.text(migrationRecord)) as MigrationAdvice,
            migrationRecord,
          )
        : undefined;
    const summary = line.advice.summary ?? rule?.title ?? line.ruleId;
    // The key order of a finding as the engine makes it.
    const finding: ReportFinding = {
      id: line.id,
      ruleId: line.ruleId,
      severity: line.severity,
      accountId: line.accountId,
      resourceArn: line.resourceArn,
      resourceType: line.resourceType,
      subject: line.subject,
      message: line.message,
      rationale: rule?.rationale ?? '',
      advice: { summary, fixNow: { console: [], cli: [] } },
      compliance: rule?.compliance ?? [],
      details: line.details,
    };
    finding.advice =
      line.advice.fixNow === undefined && rule
        ? adviceWithRuleSteps(summary, rule.remediation, finding, migration)
        : {
            summary,
            fixNow: line.advice.fixNow ?? { console: [], cli: [] },
            ...(migration ? { migration } : {}),
          };
    return finding;
  }
}
