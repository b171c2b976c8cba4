import { type FindingList, mappedFindings } from '../reporters/model/finding-list.js';
import type { ReportFinding, ReportModel } from '../reporters/model/report-model.js';
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
 * out, not called absent: a gap is never a fix. One pass over the current findings; what it keeps is
 * per baseline finding (the baseline is in memory already).
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
  // What findingId hashes, unhashed: the same matches, computed once per finding (in the counting pass).
  const keyOf = (f: Pick<ReportFinding, 'ruleId' | 'resourceArn' | 'subject'>) =>
    `${canonical.get(f.ruleId) ?? f.ruleId}\n${f.resourceArn}\n${f.subject}`;

  const previous = new Map(baseline.findings.map((f) => [keyOf(f), f]));
  // Which current findings (by position) matched a baseline finding: the first one with its key (a later
  // one with the same key is new). Matched keys leave `previous`; what stays is gone or not rechecked.
  const unchanged = new Uint8Array(current.length);
  const counts = { new: 0, unchanged: 0, absent: 0, notRechecked: 0 };
  let index = 0;
  for (const finding of current) {
    if (previous.delete(keyOf(finding))) {
      unchanged[index] = 1;
      counts.unchanged += 1;
    } else counts.new += 1;
    index += 1;
  }

  const unreachable = new Set(
    model.scan.accounts.filter((a) => a.status === 'failed' || a.status === 'skipped').map((a) => a.id),
  );
  const notEvaluated = new Set(model.notEvaluated.map((n) => `${n.ruleId} ${n.accountId ?? '*'}`));
  const absent: ReportFinding[] = [];
  for (const gone of previous.values()) {
    const ruleId = canonical.get(gone.ruleId);
    const rechecked =
      ruleId !== undefined &&
      !unreachable.has(gone.accountId) &&
      !notEvaluated.has(`${ruleId} ${gone.accountId}`) &&
      !notEvaluated.has(`${ruleId} *`);
    if (!rechecked) {
      counts.notRechecked += 1;
      continue;
    }
    counts.absent += 1;
    absent.push({ ...gone, baselineState: 'absent' });
  }
  const findings = mappedFindings(
    current,
    (finding, position) => ({
      ...finding,
      baselineState: unchanged[position] === 1 ? 'unchanged' : 'new',
    }),
    absent,
  );
  return { findings, counts };
}
