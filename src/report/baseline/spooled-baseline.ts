import type { MigrationAdvice } from '../../findings/finding.js';
import { expandFinding, type ReportFileFinding, type RuleText } from '../model/report-file.js';
import type { ReportFinding } from '../model/report-schema.js';
import { Column } from '../spool/growable.js';
import { grown } from '../spool/growing-columns.js';
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
  // Per finding, grown together; each written at its own site (one generic setter for typed arrays of
  // several kinds made every store megamorphic).
  private capacity = 1024;
  private rule = new Uint16Array(this.capacity);
  private account = new Uint32Array(this.capacity);
  private offset = new Float64Array(this.capacity);
  private lineLength = new Uint32Array(this.capacity);
  private digestWords = new Uint32Array(this.capacity * 4);
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
    return this.digestWords.subarray(0, this.count * 4);
  }

  addMigration(resourceArn: string, advice: MigrationAdvice): void {
    const record = this.migrationOf.size;
    this.migrationOffset.set(record, this.migrationLines.size);
    this.migrationLength.set(record, this.migrationLines.append(JSON.stringify(advice)));
    this.migrationOf.set(resourceArn, record);
  }

  /** A finding as report.json holds it (compact, without waiver or baseline state). */
  add(finding: ReportFileFinding): void {
    this.addLine(finding, JSON.stringify(finding));
  }

  /**
   * A finding and its text as JSON: the text report.json has for it, when that text is the finding (read
   * unchanged, without waiver or baseline state), saves serializing it again.
   */
  addLine(
    finding: Pick<ReportFileFinding, 'ruleId' | 'accountId' | 'resourceArn' | 'subject'>,
    text: string,
  ): void {
    const i = this.count;
    if (i >= this.capacity) this.grow();
    const digest = resourceDigest(finding.resourceArn, finding.subject, this.scratch);
    const words = this.digestWords;
    for (let word = 3; word >= 0; word -= 1) words[i * 4 + word] = digest[word]!;
    this.rule[i] = this.ruleIds.of(finding.ruleId);
    this.account[i] = this.accountIds.of(finding.accountId);
    this.offset[i] = this.lines.size;
    this.lineLength[i] = this.lines.append(text);
    this.count += 1;
  }

  private grow(): void {
    this.capacity *= 2;
    this.rule = grown(this.rule, new Uint16Array(this.capacity));
    this.account = grown(this.account, new Uint32Array(this.capacity));
    this.offset = grown(this.offset, new Float64Array(this.capacity));
    this.lineLength = grown(this.lineLength, new Uint32Array(this.capacity));
    this.digestWords = grown(this.digestWords, new Uint32Array(this.capacity * 4));
  }

  /** Done reading: findings are expanded with these rules' text from now on. */
  finish(rules: ReadonlyMap<string, RuleText>): this {
    this.lines.flush();
    this.migrationLines.flush();
    this.rules = rules;
    this.reader = {
      findings: new SpoolPageReader(
        this.lines,
        this.offset.subarray(0, this.count),
        this.lineLength.subarray(0, this.count),
      ),
      migrations: new SpoolPageReader(
        this.migrationLines,
        this.migrationOffset.values(this.migrationOf.size),
        this.migrationLength.values(this.migrationOf.size),
      ),
      rule: this.rule.subarray(0, this.count),
      account: this.account.subarray(0, this.count),
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
