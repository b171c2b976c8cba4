import { type FindingList, isInMemory, mappedFindings } from '../model/finding-list.js';
import { findingWith } from '../model/finding-with.js';
import type { ReportFinding, ReportModel } from '../model/report-model.js';
import { type BaselineFindings, resourceDigest } from './baseline-findings.js';
import type { BaselineReport } from './load-baseline.js';

export interface BaselineComparison {
  /**
   * The current findings, each marked new or unchanged when read, then the baseline findings gone since
   * (absent) — a view: nothing is copied up front.
   */
  findings: FindingList;
  counts: { new: number; unchanged: number; absent: number; notRechecked: number };
}

/**
 * Matches by the stable finding identity (rule, ARN, subject). A rule renamed since the baseline
 * still matches through its aliases. A baseline finding this scan could not look at again is left
 * out, not called absent: a gap is never a fix. One pass over the current findings; what it keeps is a
 * table of numbers per baseline finding (see BaselineFindings: digests of resource and subject, not the
 * strings), and the positions of the gone ones, whose findings are read on each pass of the result.
 */
export function compareWithBaseline(
  current: FindingList,
  baseline: BaselineReport,
  model: Pick<ReportModel, 'rules' | 'scan' | 'notEvaluated'>,
): BaselineComparison {
  const canonical = new Map<string, string>();
  for (const rule of model.rules) {
    canonical.set(rule.id, rule.id);
    for (const alias of rule.aliases) canonical.set(alias, rule.id);
  }
  const previous = baseline.findings;
  const table = new KeyTable(previous, (ruleId) => canonical.get(ruleId) ?? ruleId);
  // Which current findings (by position) matched a baseline finding: the first one with its key (a later
  // one with the same key is new). Matched baseline findings leave the table; what stays is gone or not rechecked.
  const unchanged = new Uint8Array(current.length);
  const counts = { new: 0, unchanged: 0, absent: 0, notRechecked: 0 };
  let index = 0;
  const digest = new Uint32Array(4);
  for (const finding of current) {
    if (table.take(finding.ruleId, resourceDigest(finding.resourceArn, finding.subject, digest))) {
      unchanged[index] = 1;
      counts.unchanged += 1;
    } else counts.new += 1;
    index += 1;
  }

  const unreachable = new Set(
    model.scan.accounts.filter((a) => a.status === 'failed' || a.status === 'skipped').map((a) => a.id),
  );
  const notEvaluated = new Set(model.notEvaluated.map((n) => `${n.ruleId} ${n.accountId ?? '*'}`));
  const gone: number[] = [];
  for (const position of table.remaining()) {
    const ruleId = canonical.get(previous.ruleIdOf(position));
    const accountId = previous.accountIdOf(position);
    const rechecked =
      ruleId !== undefined &&
      !unreachable.has(accountId) &&
      !notEvaluated.has(`${ruleId} ${accountId}`) &&
      !notEvaluated.has(`${ruleId} *`);
    if (!rechecked) {
      counts.notRechecked += 1;
      continue;
    }
    counts.absent += 1;
    gone.push(position);
  }
  // Each gone finding is read back from the baseline (its line, expanded) when a pass reaches it. When the
  // scan's findings are in memory and the gone ones are no more than they, they are read once and kept: a
  // report reads its findings in several passes, and a scan after a clean-up has many gone.
  const readGone = (position: number): ReportFinding => ({
    ...previous.findingAt(position),
    baselineState: 'absent',
  });
  let kept: ReportFinding[] | undefined;
  const keep = isInMemory(current) && gone.length <= current.length;
  const absent = {
    length: gone.length,
    *[Symbol.iterator](): Generator<ReportFinding> {
      if (!keep) {
        for (const position of gone) yield readGone(position);
        return;
      }
      kept ??= gone.map(readGone);
      yield* kept;
    },
  };
  const findings = mappedFindings(
    current,
    (finding, position) =>
      findingWith(finding, { baselineState: unchanged[position] === 1 ? 'unchanged' : 'new' }),
    absent,
  );
  return { findings, counts };
}

/**
 * Baseline findings by key (canonical rule, digest of resource and subject) in an open-addressing table
 * of positions. As a Map keyed by the last finding with each key, as before: an earlier baseline finding
 * with the same key is neither matched nor gone.
 */
class KeyTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly rules: Int32Array;
  private readonly ruleNumbers = new Map<string, number>();
  private readonly own: Uint32Array;

  constructor(
    findings: BaselineFindings,
    private readonly canonical: (ruleId: string) => string,
  ) {
    let size = 1024;
    while (size < findings.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.rules = new Int32Array(findings.length);
    this.own = findings.digests;
    for (let position = 0; position < findings.length; position += 1) {
      this.rules[position] = this.ruleNumber(findings.ruleIdOf(position));
      const slot = this.find(this.rules[position]!, this.own, position);
      this.slots[slot] = position;
    }
  }

  /** Removes the baseline finding with this key; whether there was one. */
  take(ruleId: string, digest: Uint32Array): boolean {
    const rule = this.ruleNumbers.get(this.canonical(ruleId));
    if (rule === undefined) return false;
    const slot = this.find(rule, digest, 0);
    if (this.slots[slot]! < 0) return false;
    // Marked taken (-2): probing goes on past it, and it is not gone.
    this.slots[slot] = -2 - this.slots[slot]!;
    return true;
  }

  /** Positions of the baseline findings not taken, in baseline order. */
  remaining(): number[] {
    const left: number[] = [];
    for (const position of this.slots) if (position >= 0) left.push(position);
    return left.sort((a, b) => a - b);
  }

  private ruleNumber(ruleId: string): number {
    const id = this.canonical(ruleId);
    let n = this.ruleNumbers.get(id);
    if (n === undefined) {
      n = this.ruleNumbers.size;
      this.ruleNumbers.set(id, n);
    }
    return n;
  }

  /** The slot holding the key (of `digests` at `at`), or the empty slot where it would go. */
  private find(rule: number, digests: Uint32Array, at: number): number {
    const d = at * 4;
    let slot = (digests[d]! ^ Math.imul(rule + 1, 0x9e3779b1)) & this.mask;
    for (;;) {
      const held = this.slots[slot]!;
      if (held === -1) return slot;
      const position = held >= 0 ? held : -2 - held;
      const p = position * 4;
      const { own } = this;
      if (
        this.rules[position] === rule &&
        own[p] === digests[d] &&
        own[p + 1] === digests[d + 1] &&
        own[p + 2] === digests[d + 2] &&
        own[p + 3] === digests[d + 3]
      )
        return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
