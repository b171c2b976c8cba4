import type { MigrationAdvice } from '../../findings/finding.js';
import { expandFinding, type ReportFileFinding, type RuleText } from '../model/report-file.js';
import type { ReportFinding } from '../model/report-schema.js';
import { Column } from '../spool/growable.js';
import { Interned } from '../spool/interned.js';
import { SpoolFile } from '../spool/spool-file.js';
import { SpoolPageReader } from '../spool/spool-reader.js';
import { type BaselineFindings, resourceDigest } from './baseline-findings.js';

/**
 * A baseline read from a report.json as it streams by: each finding's compact line and each migration
 * entry go to temporary files (see SpoolFile), and in memory stay its rule and account (numbers), the
 * digest of its resource and subject (16 bytes), where its line is, and one number per migration entry
 * (by resource ARN). Whole findings are read back only for those gone since (absent).
 */
export class SpooledBaseline implements BaselineFindings {
  private readonly lines = new SpoolFile('baseline-findings.jsonl');
  private readonly migrationLines = new SpoolFile('baseline-migrations.jsonl');
  private readonly migrationOf = new Map<string, number>();
  private readonly migrationOffset = new Column((n) => new Float64Array(n));
  private readonly migrationLength = new Column((n) => new Uint32Array(n));
  private readonly ruleIds = new Interned();
  private readonly accountIds = new Interned();
  private readonly rule = new Column((n) => new Uint16Array(n));
  private readonly account = new Column((n) => new Uint32Array(n));
  private readonly offset = new Column((n) => new Float64Array(n));
  private readonly lineLength = new Column((n) => new Uint32Array(n));
  private readonly digestWords = new Column((n) => new Uint32Array(n));
  private count = 0;
  private readonly scratch = new Uint32Array(4);
  private reader:
    | { findings: SpoolPageReader; migrations: SpoolPageReader; rule: Uint16Array; account: Uint32Array }
    | undefined;
  private rules: ReadonlyMap<string, RuleText> = new Map();

  get length(): number {
    return this.count;
  }

  get digests(): Uint32Array {
    return this.digestWords.values(this.count * 4);
  }

  addMigration(resourceArn: string, advice: MigrationAdvice): void {
    const record = this.migrationOf.size;
    this.migrationOffset.set(record, this.migrationLines.size);
    this.migrationLength.set(record, this.migrationLines.append(JSON.stringify(advice)));
    this.migrationOf.set(resourceArn, record);
  }

  /** A finding as report.json holds it (compact, without waiver or baseline state). */
  add(finding: ReportFileFinding): void {
    const i = this.count;
    const digest = resourceDigest(finding.resourceArn, finding.subject, this.scratch);
    for (let word = 3; word >= 0; word -= 1) this.digestWords.set(i * 4 + word, digest[word]!);
    this.rule.set(i, this.ruleIds.of(finding.ruleId));
    this.account.set(i, this.accountIds.of(finding.accountId));
    this.offset.set(i, this.lines.size);
    this.lineLength.set(i, this.lines.append(JSON.stringify(finding)));
    this.count += 1;
  }

  /** Done reading: findings are expanded with these rules' text from now on. */
  finish(rules: ReadonlyMap<string, RuleText>): this {
    this.lines.flush();
    this.migrationLines.flush();
    this.rules = rules;
    this.reader = {
      findings: new SpoolPageReader(
        this.lines,
        this.offset.values(this.count),
        this.lineLength.values(this.count),
      ),
      migrations: new SpoolPageReader(
        this.migrationLines,
        this.migrationOffset.values(this.migrationOf.size),
        this.migrationLength.values(this.migrationOf.size),
      ),
      rule: this.rule.values(this.count),
      account: this.account.values(this.count),
    };
    return this;
  }

  ruleIdOf(index: number): string {
    return this.ruleIds.values[this.finished().rule[index]!]!;
  }

  accountIdOf(index: number): string {
    return this.accountIds.values[this.finished().account[index]!]!;
  }

  private finished() {
    if (!this.reader) throw new Error('SpooledBaseline read before finish()');
    return this.reader;
  }

  findingAt(index: number): ReportFinding {
    const reader = this.finished();
    const finding = JSON.parse(reader.findings.text(index)) as ReportFileFinding;
    const record = this.migrationOf.get(finding.resourceArn);
    const migrations: Record<string, MigrationAdvice> = {};
    if (record !== undefined)
      migrations[finding.resourceArn] = JSON.parse(reader.migrations.text(record)) as MigrationAdvice;
    return expandFinding(finding, this.rules.get(finding.ruleId), migrations);
  }

  *[Symbol.iterator](): Iterator<ReportFinding> {
    for (let i = 0; i < this.count; i += 1) yield this.findingAt(i);
  }

  remove(): void {
    this.lines.remove();
    this.migrationLines.remove();
  }
}
