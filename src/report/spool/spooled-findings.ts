import { adviceWithRuleSteps } from '../../findings/fill-fix-steps.js';
import { type Advice, findingId, type MigrationAdvice } from '../../findings/finding.js';
import { SEVERITIES, type Severity } from '../../findings/severity.js';
import type { FindingList } from '../model/finding-list.js';
import type {
  MigrationEntry,
  MigrationTableEntry,
  ReportFileFinding,
  RuleText,
} from '../model/report-file.js';
import type { ReportFinding, ReportModel } from '../model/report-schema.js';
import type { SpoolColumns } from './finding-spool.js';
import { MigrationRecord, withMigrationRecord } from './migration-ref.js';
import type { SpoolFile } from './spool-file.js';
import { SpoolPageReader, SpoolReader } from './spool-reader.js';
import type { StoredReportLines } from './stored-report-lines.js';

/** Where a spooled finding's line is, and its parsed parts once read. */
interface Source {
  list: SpooledFindings;
  index: number;
  position: number;
  line?: ReportFileFinding;
  advice?: Advice;
}

/** The spool a finding was read from, if it was (copies of it, such as a waiver view's, were not). */
export function spooledListOf(finding: object): SpooledFindings | undefined {
  return finding instanceof SpooledFinding ? finding.source.list : undefined;
}

/**
 * A finding of one pass over a spool. Severity, rule, account, resource, subject and relation come from the
 * in-memory columns; id, message, advice and details are read from its line when first asked for (getters).
 * A class, not a plain object with own accessors: a pass makes one per finding, and defining four accessors
 * on each object was most of a Markdown report's time at 1M IAM users (three passes over ~4M findings).
 * Getters on a class are not own properties, so what reads a finding as a whole takes `toJSON()` (the
 * plain finding, in the engine's key order): JSON.stringify does. A copy with a waiver or a baseline state
 * is made with `with` (see findingWith), which keeps the lazy fields lazy.
 */
export class SpooledFinding {
  relatedTo: string | undefined = undefined;
  /** Set on a waiver's or a baseline's view of the finding (see `with`). */
  waiver: ReportFinding['waiver'] = undefined;
  baselineState: ReportFinding['baselineState'] = undefined;
  constructor(
    /** @internal */ readonly source: Source,
    readonly ruleId: string,
    readonly severity: Severity,
    readonly accountId: string,
    readonly resourceArn: string,
    readonly resourceType: string,
    readonly subject: string,
    readonly rationale: string,
    readonly compliance: ReportFinding['compliance'],
  ) {}

  get id(): string {
    return this.line().id;
  }
  get message(): string {
    return this.line().message;
  }
  get advice(): Advice {
    const { source } = this;
    source.advice ??= source.list.adviceOf(this as unknown as ReportFinding, this.line(), source.index);
    return source.advice;
  }
  get details(): ReportFinding['details'] {
    return this.line().details;
  }

  /** The finding as the engine made it: its fields in the engine's key order. */
  toJSON(): ReportFinding {
    const plain: ReportFinding = {
      id: this.id,
      ruleId: this.ruleId,
      severity: this.severity,
      accountId: this.accountId,
      resourceArn: this.resourceArn,
      resourceType: this.resourceType,
      subject: this.subject,
      message: this.message,
      rationale: this.rationale,
      advice: this.advice,
      compliance: this.compliance,
      details: this.details,
    };
    // As a copy made by spreading the finding and adding a waiver, then a baseline state, had them.
    if (this.relatedTo !== undefined) plain.relatedTo = this.relatedTo;
    if (this.waiver !== undefined) plain.waiver = this.waiver;
    if (this.baselineState !== undefined) plain.baselineState = this.baselineState;
    return plain;
  }

  /**
   * The finding with a waiver or a baseline state (a view's copy), still reading its line only when asked:
   * a copy that read every field would read each finding's line from disk on every pass of a report.
   */
  with(extra: Pick<ReportFinding, 'waiver' | 'baselineState'>): SpooledFinding {
    const copy = new SpooledFinding(
      this.source,
      this.ruleId,
      this.severity,
      this.accountId,
      this.resourceArn,
      this.resourceType,
      this.subject,
      this.rationale,
      this.compliance,
    );
    copy.relatedTo = this.relatedTo;
    copy.waiver = extra.waiver ?? this.waiver;
    copy.baselineState = extra.baselineState ?? this.baselineState;
    return copy;
  }

  private line(): ReportFileFinding {
    const { source } = this;
    source.line ??= source.list.readLine(source.index, source.position);
    return source.line;
  }
}

/**
 * The findings of a finished spool, in report order. Each pass makes fresh finding objects whose
 * severity, rule, account, resource and relation come from the in-memory columns; id, message, advice and
 * details are read from the finding's line when first asked for. A pass that only counts (by severity,
 * rule, account) reads nothing from disk; a pass that writes every finding (JSON, CSV) reads the file once.
 */
export class SpooledFindings implements FindingList, StoredReportLines {
  readonly length: number;
  private readonly lines: SpoolReader;
  private readonly migrationLines: SpoolPageReader;
  private readonly readMigration = (record: number) => this.migrationLines.text(record);
  /** Ids of primary findings, hashed once (each pass would otherwise hash one per related finding). */
  private readonly primaryIds = new Map<number, string>();

  constructor(
    private readonly columns: SpoolColumns,
    private readonly order: Uint32Array,
    private readonly related: Int32Array,
    private readonly files: { findings: readonly SpoolFile[]; migrations: SpoolFile },
    private readonly text: {
      rules: ReadonlyMap<string, RuleText>;
      migrationOffset: Float64Array;
      migrationLength: Uint32Array;
    },
  ) {
    this.length = columns.count;
    const { rule } = columns;
    this.lines = new SpoolReader(files.findings, (index) => rule[index]!, columns.offset, columns.length);
    this.migrationLines = new SpoolPageReader(files.migrations, text.migrationOffset, text.migrationLength);
  }

  *[Symbol.iterator](): Iterator<ReportFinding> {
    const { order } = this;
    for (let position = 0; position < order.length; position += 1) {
      yield this.findingAt(order[position]!, position);
    }
  }

  private findingAt(index: number, position: number): ReportFinding {
    const { columns } = this;
    const ruleId = columns.ruleIds[columns.rule[index]!]!;
    const rule = this.text.rules.get(ruleId);
    const finding = new SpooledFinding(
      { list: this, index, position },
      ruleId,
      SEVERITIES[columns.severity[index]!]!,
      columns.accountIds[columns.account[index]!]!,
      columns.arns[index]!,
      columns.resourceTypes[columns.resourceType[index]!]!,
      columns.subjects[index]!,
      rule?.rationale ?? '',
      rule?.compliance ?? [],
    );
    const primary = this.related[index]!;
    if (primary >= 0) finding.relatedTo = this.idOf(primary);
    // Typed as a finding: every field a ReportFinding has, the lazy ones as getters.
    return finding as unknown as ReportFinding;
  }

  /** The line of finding `index`, read at its place in report order (`position`). */
  readLine(index: number, position: number): ReportFileFinding {
    return JSON.parse(this.lineText(index, position)) as ReportFileFinding;
  }

  private lineText(index: number, position: number): string {
    const { order } = this;
    return this.lines.text(index, (ahead) =>
      position + ahead < order.length ? order[position + ahead]! : -1,
    );
  }

  /**
   * A finding of this pass as report.json's line, from its stored line as it is: the stored line is the
   * report's compact finding (same keys, same order, same JSON.stringify) less its migration advice and
   * relation. So where the report leaves the advice out too (none, or its resource's table entry) only the
   * relation is added; elsewhere (other advice, or a finding of a waiver or baseline view) undefined.
   * At 100k IAM users parsing each line, filling its advice in and compacting it again was most of report.json's time.
   */
  reportFileLine(
    finding: ReportFinding,
    migrations: ReadonlyMap<string, MigrationEntry>,
  ): string | undefined {
    if (!(finding instanceof SpooledFinding) || finding.source.list !== this) return undefined;
    // A view's copy (waived, compared with a baseline): its stored line lacks that.
    if (finding.waiver !== undefined || finding.baselineState !== undefined) return undefined;
    const { source } = finding;
    const record = this.columns.migration[source.index]!;
    if (record >= 0) {
      const entry = migrations.get(finding.resourceArn);
      // The same advice (the same record, or one written again for another account or rule): left out.
      const same =
        entry instanceof MigrationRecord &&
        (entry.ref === record || entry.text() === this.readMigration(record));
      if (!same) return undefined;
    }
    const text = this.lineText(source.index, source.position);
    const { relatedTo } = finding;
    return relatedTo === undefined ? text : `${text.slice(0, -1)},"relatedTo":${JSON.stringify(relatedTo)}}`;
  }

  /** A finding's advice as the engine made it: the rule's steps filled from the finding, its migration. */
  adviceOf(finding: ReportFinding, line: ReportFileFinding, index: number): Advice {
    const rule = this.text.rules.get(line.ruleId);
    const record = this.columns.migration[index]!;
    const migration =
      record >= 0
        ? withMigrationRecord(
            JSON.parse(this.migrationLines.text(record)) as MigrationAdvice,
            new MigrationRecord(record, this.readMigration),
          )
        : undefined;
    const summary = line.advice.summary ?? rule?.title ?? line.ruleId;
    return line.advice.fixNow === undefined && rule
      ? adviceWithRuleSteps(summary, rule.remediation, finding, migration)
      : {
          summary,
          fixNow: line.advice.fixNow ?? { console: [], cli: [] },
          ...(migration ? { migration } : {}),
        };
  }

  /** report.json's migrations table from the columns: no finding is read, each advice's stored JSON. */
  *migrationTable(): Generator<MigrationTableEntry> {
    const { columns } = this;
    const seen = new Set<string>();
    for (const index of this.order) {
      const record = columns.migration[index]!;
      if (record < 0) continue;
      const resourceArn = columns.arns[index]!;
      if (seen.has(resourceArn)) continue;
      seen.add(resourceArn);
      yield {
        resourceArn,
        entry: new MigrationRecord(record, this.readMigration),
        json: this.readMigration(record),
      };
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
    for (const file of this.files.findings) file.remove();
    this.files.migrations.remove();
  }

  private idOf(index: number): string {
    let id = this.primaryIds.get(index);
    if (id === undefined) {
      const { columns } = this;
      id = findingId(columns.ruleIds[columns.rule[index]!]!, columns.arns[index]!, columns.subjects[index]!);
      this.primaryIds.set(index, id);
    }
    return id;
  }
}
