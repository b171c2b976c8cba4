import type { Finding } from '../../findings/finding.js';
import type { Severity } from '../../findings/severity.js';
import { collate } from './collate.js';

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * Sorts findings in place into report order: severity, then rule id, account id, resource ARN and subject in
 * collator order. The same order as comparing each pair with the collator, cheaper: the few distinct rule
 * ids and account ids are ranked once (strings the collator holds equal share a rank), so comparisons
 * collate only ARNs and subjects, and only within one severity, rule and account. (Ranking the ~100k
 * distinct ARNs too cost more than it saved: most of them are compared with few others.) Ties keep their
 * order, as the stable sort did.
 */
export function sortFindingsForReport<T extends Finding>(findings: T[]): T[] {
  const count = findings.length;
  const ruleRank = ranksOf(findings, (f) => f.ruleId);
  const accountRank = ranksOf(findings, (f) => f.accountId);
  // What the comparisons read, gathered once in evaluation order: comparing then touches these arrays,
  // not ~400k finding objects in random order.
  const group = new Float64Array(count);
  const arns: string[] = new Array<string>(count);
  const subjects: string[] = new Array<string>(count);
  for (let i = 0; i < count; i += 1) {
    const finding = findings[i]!;
    group[i] =
      (SEVERITY_ORDER[finding.severity] * (count + 1) + ruleRank[i]!) * (count + 1) + accountRank[i]!;
    arns[i] = finding.resourceArn;
    subjects[i] = finding.subject;
  }
  const order: number[] = new Array<number>(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  order.sort((a, b) => {
    const byGroup = group[a]! - group[b]!;
    if (byGroup !== 0) return byGroup;
    const x = arns[a]!;
    const y = arns[b]!;
    const byArn = x === y ? 0 : collate(x, y);
    if (byArn !== 0) return byArn;
    const s = subjects[a]!;
    const t = subjects[b]!;
    return (s === t ? 0 : collate(s, t)) || a - b;
  });
  const sorted = order.map((i) => findings[i]!);
  for (let i = 0; i < count; i += 1) findings[i] = sorted[i]!;
  return findings;
}

/**
 * Per finding, the collator rank of one of its strings (strings the collator holds equal share a rank).
 * Findings come in runs of one rule and one account, so the previous finding's answer is tried first.
 */
function ranksOf(findings: readonly Finding[], value: (finding: Finding) => string): Int32Array {
  const distinct = new Map<string, number>();
  let previous: string | undefined;
  for (const finding of findings) {
    const text = value(finding);
    if (text !== previous) distinct.set(text, 0);
    previous = text;
  }
  const sorted = [...distinct.keys()].sort(collate);
  let rank = 0;
  sorted.forEach((text, position) => {
    if (position > 0 && collate(sorted[position - 1]!, text) !== 0) rank = position;
    distinct.set(text, rank);
  });
  const ranks = new Int32Array(findings.length);
  previous = undefined;
  let previousRank = 0;
  for (let i = 0; i < findings.length; i += 1) {
    const text = value(findings[i]!);
    if (text !== previous) {
      previous = text;
      previousRank = distinct.get(text)!;
    }
    ranks[i] = previousRank;
  }
  return ranks;
}
