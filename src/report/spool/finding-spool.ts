import type { Finding, MigrationAdvice } from '../../findings/finding.js';
import { SEVERITIES } from '../../findings/severity.js';
import type { FindingSink } from '../../rules/engine.js';
import { relatedPrimaries } from '../model/related-findings.js';
import { compactAdviceLessMigration, findingHead, type RuleText } from '../model/report-file.js';
import { Column } from './growable.js';
import { GrowingColumns } from './growing-columns.js';
import { Interned } from './interned.js';
import { reportOrder } from './report-order.js';
import { SpoolFile } from './spool-file.js';
import { SpooledFindings } from './spooled-findings.js';

const KEY_ONLY_WORKLOAD = 1;
/** Written out per rule file at this size: a few dozen rules' pending lines stay small together. */
const RULE_FLUSH_BYTES = 1 << 18;

/**
 * Findings written to a temporary file as the engine makes them, so a scan of a very large organization
 * does not hold millions of finding objects: in memory stay only a few numbers per finding (severity,
 * rule, account, where its line is) and its resource ARN and subject (strings the inventory holds anyway).
 * Each finding is one line of report.json's compact form, in a file of its rule's: reports are read rule by
 * rule, the engine goes account by account, and one file for all read ~10x its size per pass at 100k IAM
 * users (each rule's lines of an account lay among the other rules'). Its migration advice, shared by
 * every finding on the resource, is written once to a file of migration advice. `finish()` sorts the findings into report order and
 * relates them (one problem per access key) from those columns alone, and returns a FindingList that
 * reads the lines back in that order on every pass.
 */
export class FindingSpool implements FindingSink {
  /** Per rule (by its number in ruleIds), its findings' lines. */
  private readonly lines: SpoolFile[] = [];
  private readonly migrationLines = new SpoolFile('migrations.jsonl');
  private readonly rules: ReadonlyMap<string, RuleText>;
  private count = 0;
  private readonly columns = new GrowingColumns();
  private readonly arns: string[] = [];
  private readonly subjects: string[] = [];
  private readonly ruleIds = new Interned();
  private readonly accountIds = new Interned();
  private readonly resourceTypeIds = new Interned();
  /** Each advice object once (rules share one per user, per account being evaluated). */
  private migrationRefs = new Map<MigrationAdvice, number>();
  private migrationCount = 0;
  private readonly migrationOffset = new Column((n) => new Float64Array(n));
  private readonly migrationLength = new Column((n) => new Uint32Array(n));

  constructor(rules: ReadonlyMap<string, RuleText>) {
    this.rules = rules;
  }

  private accountId: string | undefined;

  /** Advice objects are shared within one account (the engine goes account by account): forget the last one's. */
  startRule(_ruleId: string, accountId?: string): void {
    if (accountId === this.accountId) return;
    this.accountId = accountId;
    this.migrationRefs = new Map();
  }

  add(finding: Finding): void {
    const i = this.count;
    // report.json's compact form less the migration advice (kept once per resource, below), built in its
    // key order without a spread or a delete (either made every line's object a slow one to serialize).
    const record: Record<string, unknown> = findingHead(finding);
    record.advice = compactAdviceLessMigration(finding.advice, this.rules.get(finding.ruleId));
    record.details = finding.details;
    const line = JSON.stringify(record);
    const rule = this.ruleIds.of(finding.ruleId);
    let file = this.lines[rule];
    if (!file) {
      file = new SpoolFile(`findings-${rule}.jsonl`, RULE_FLUSH_BYTES);
      this.lines[rule] = file;
    }
    const columns = this.columns;
    columns.room(i);
    columns.offset[i] = file.size;
    columns.length[i] = file.append(line);
    columns.severity[i] = SEVERITIES.indexOf(finding.severity);
    columns.rule[i] = rule;
    columns.account[i] = this.accountIds.of(finding.accountId);
    columns.resourceType[i] = this.resourceTypeIds.of(finding.resourceType);
    columns.migration[i] = finding.advice.migration ? this.migrationRef(finding.advice.migration) : -1;
    columns.flags[i] = finding.details.keyOnlyWorkload === true ? KEY_ONLY_WORKLOAD : 0;
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
    for (const file of this.lines) file.flush();
    this.migrationLines.flush();
    this.migrationRefs = new Map();
    const count = this.count;
    const grown = this.columns;
    const columns: SpoolColumns = {
      count,
      severity: grown.severity.subarray(0, count),
      rule: grown.rule.subarray(0, count),
      account: grown.account.subarray(0, count),
      resourceType: grown.resourceType.subarray(0, count),
      resourceTypes: this.resourceTypeIds.values,
      offset: grown.offset.subarray(0, count),
      length: grown.length.subarray(0, count),
      migration: grown.migration.subarray(0, count),
      arns: this.arns,
      subjects: this.subjects,
      ruleIds: this.ruleIds.values,
      accountIds: this.accountIds.values,
    };
    const flags = grown.flags.subarray(0, count);
    const related = relatedPrimaries(count, {
      severity: (i) => SEVERITIES[columns.severity[i]!]!,
      ruleId: (i) => columns.ruleIds[columns.rule[i]!]!,
      resourceArn: (i) => columns.arns[i]!,
      subject: (i) => columns.subjects[i]!,
      keyOnlyWorkload: (i) => (flags[i]! & KEY_ONLY_WORKLOAD) !== 0,
    });
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
    for (const file of this.lines) file.remove();
    this.migrationLines.remove();
  }
}

/** The in-memory columns of a spool: per finding, in the order the engine made them. */
export interface SpoolColumns {
  count: number;
  /** Index into SEVERITIES. */
  severity: Uint8Array;
  rule: Uint16Array;
  account: Uint32Array;
  resourceType: Uint16Array;
  resourceTypes: readonly string[];
  offset: Float64Array;
  length: Uint32Array;
  /** Migration record, or -1. */
  migration: Int32Array;
  arns: readonly string[];
  subjects: readonly string[];
  ruleIds: readonly string[];
  accountIds: readonly string[];
}
