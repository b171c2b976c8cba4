import type { ReportFinding, ReportModel } from '../reporters/model/report-model.js';
import { findingId } from '../rules/finding.js';
import type { BaselineReport } from './load-baseline.js';

export interface BaselineComparison {
  findings: ReportFinding[];
  counts: { new: number; unchanged: number; absent: number; notRechecked: number };
}

/**
 * Matches by the stable finding identity (rule, ARN, subject). A rule renamed since the baseline
 * still matches through its aliases. A baseline finding this scan could not look at again is left
 * out, not called absent: a gap is never a fix.
 */
export function compareWithBaseline(
  current: readonly ReportFinding[],
  baseline: BaselineReport,
  model: Pick<ReportModel, 'rules' | 'scan' | 'notEvaluated'>,
): BaselineComparison {
  const canonical = new Map<string, string>();
  for (const rule of model.rules) {
    canonical.set(rule.id, rule.id);
    for (const alias of rule.aliases) canonical.set(alias, rule.id);
  }
  const keyOf = (f: Pick<ReportFinding, 'ruleId' | 'resourceArn' | 'subject'>) =>
    findingId(canonical.get(f.ruleId) ?? f.ruleId, f.resourceArn, f.subject);

  const previous = new Map(baseline.findings.map((f) => [keyOf(f), f]));
  const counts = { new: 0, unchanged: 0, absent: 0, notRechecked: 0 };
  const findings: ReportFinding[] = current.map((finding) => {
    const key = keyOf(finding);
    const state = previous.delete(key) ? 'unchanged' : 'new';
    counts[state] += 1;
    return { ...finding, baselineState: state };
  });

  const unreachable = new Set(
    model.scan.accounts.filter((a) => a.status === 'failed' || a.status === 'skipped').map((a) => a.id),
  );
  const notEvaluated = new Set(model.notEvaluated.map((n) => `${n.ruleId} ${n.accountId ?? '*'}`));
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
    findings.push({ ...gone, baselineState: 'absent' });
  }
  return { findings, counts };
}
