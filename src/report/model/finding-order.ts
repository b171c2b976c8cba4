import type { Finding } from '../../findings/finding.js';
import type { Severity } from '../../findings/severity.js';
import { collate } from './collate.js';

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * Sorts findings in place into report order: severity, then rule id, account id, resource ARN and subject in
 * collator order. The same order as comparing each pair with the collator, cheaper: the few distinct rule
 * ids and account ids are ranked once (strings the collator holds equal share a rank), and so are the
 * distinct ARNs of each account (an account's ARNs are compared with each other only: ranking them once per
 * account collates each about log(ARNs of the account) times, where sorting collated them again for every
 * rule that reported them). Comparisons then collate only subjects of one resource. Ties keep their order,
 * as the stable sort did.
 */
export function sortFindingsForReport<T extends Finding>(findings: T[]): T[] {
  const count = findings.length;
  if (count < 2) return findings;
  const ruleRank = ranksOf(findings, (f) => f.ruleId);
  const accountRank = ranksOf(findings, (f) => f.accountId);
  const arnRank = arnRanksPerAccount(findings, accountRank);
  // Severity, rule and account as one dense rank (ranks are positions, below count).
  const groupValue = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    groupValue[i] =
      (SEVERITY_ORDER[findings[i]!.severity] * (count + 1) + ruleRank[i]!) * (count + 1) + accountRank[i]!;
  }
  const groupRank = denseRanks(groupValue);
  let arnSpan = 0;
  for (let i = 0; i < count; i += 1) if (arnRank[i]! >= arnSpan) arnSpan = arnRank[i]! + 1;
  const groups = groupRank.reduce((max, rank) => Math.max(max, rank), 0) + 1;
  const order =
    groups * arnSpan * count <= Number.MAX_SAFE_INTEGER
      ? orderByNumbers(findings, groupRank, arnRank, arnSpan)
      : orderByComparing(findings, groupRank, arnRank);
  const sorted = order.map((i) => findings[i]!);
  for (let i = 0; i < count; i += 1) findings[i] = sorted[i]!;
  return findings;
}

/** Subjects of one resource in collator order, then evaluation order. */
function bySubject(findings: readonly Finding[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = findings[a]!.subject;
    const y = findings[b]!.subject;
    return (x === y ? 0 : collate(x, y)) || a - b;
  };
}

/**
 * The order as one typed-array sort of numbers (group, ARN rank, position), which is several times cheaper than
 * a sort calling a comparator for each of millions of comparisons; then each run of one resource whose
 * subjects differ (an IAM user's access keys) is put in subject order.
 */
function orderByNumbers(
  findings: readonly Finding[],
  groupRank: Int32Array,
  arnRank: Int32Array,
  arnSpan: number,
): number[] {
  const count = findings.length;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i += 1) keys[i] = (groupRank[i]! * arnSpan + arnRank[i]!) * count + i;
  keys.sort();
  const order: number[] = new Array<number>(count);
  for (let j = 0; j < count; j += 1) order[j] = keys[j]! % count;
  const subjectOrder = bySubject(findings);
  let start = 0;
  for (let j = 1; j <= count; j += 1) {
    if (j < count && Math.floor(keys[j]! / count) === Math.floor(keys[start]! / count)) continue;
    if (j - start > 1) {
      const run = order.slice(start, j);
      const first = findings[run[0]!]!.subject;
      if (run.some((i) => findings[i]!.subject !== first)) {
        run.sort(subjectOrder);
        for (let k = 0; k < run.length; k += 1) order[start + k] = run[k]!;
      }
    }
    start = j;
  }
  return order;
}

/** The same order with a comparator, for counts too large to pack into one safe integer. */
function orderByComparing(
  findings: readonly Finding[],
  groupRank: Int32Array,
  arnRank: Int32Array,
): number[] {
  const order: number[] = new Array<number>(findings.length);
  for (let i = 0; i < findings.length; i += 1) order[i] = i;
  const subjectOrder = bySubject(findings);
  return order.sort(
    (a, b) => groupRank[a]! - groupRank[b]! || arnRank[a]! - arnRank[b]! || subjectOrder(a, b),
  );
}

/** Dense ranks of numbers (0 for the smallest, equal numbers share a rank). */
function denseRanks(values: Float64Array): Int32Array {
  const distinct = Float64Array.from(new Set(values)).sort();
  const rankOf = new Map<number, number>();
  distinct.forEach((value, rank) => rankOf.set(value, rank));
  const ranks = new Int32Array(values.length);
  for (let i = 0; i < values.length; i += 1) ranks[i] = rankOf.get(values[i]!)!;
  return ranks;
}

/** Per finding, the collator rank of its ARN among the ARNs of findings with the same account rank. */
function arnRanksPerAccount(findings: readonly Finding[], accountRank: Int32Array): Int32Array {
  const perAccount = new Map<number, Map<string, number>>();
  for (let i = 0; i < findings.length; i += 1) {
    let arns = perAccount.get(accountRank[i]!);
    if (!arns) {
      arns = new Map();
      perAccount.set(accountRank[i]!, arns);
    }
    arns.set(findings[i]!.resourceArn, 0);
  }
  for (const arns of perAccount.values()) rankKeys(arns);
  const ranks = new Int32Array(findings.length);
  for (let i = 0; i < findings.length; i += 1) {
    ranks[i] = perAccount.get(accountRank[i]!)!.get(findings[i]!.resourceArn)!;
  }
  return ranks;
}

/** Sets each key's value to its collator rank (keys the collator holds equal share a rank). */
function rankKeys(distinct: Map<string, number>): void {
  const sorted = [...distinct.keys()].sort(collate);
  let rank = 0;
  sorted.forEach((text, position) => {
    if (position > 0 && collate(sorted[position - 1]!, text) !== 0) rank = position;
    distinct.set(text, rank);
  });
}

/** Per finding, the collator rank of one of its strings (strings the collator holds equal share a rank). */
function ranksOf(findings: readonly Finding[], value: (finding: Finding) => string): Int32Array {
  const distinct = new Map<string, number>();
  for (const finding of findings) distinct.set(value(finding), 0);
  rankKeys(distinct);
  const ranks = new Int32Array(findings.length);
  findings.forEach((finding, i) => {
    ranks[i] = distinct.get(value(finding))!;
  });
  return ranks;
}
