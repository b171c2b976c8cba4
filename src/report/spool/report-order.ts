import { collate } from '../model/collate.js';
import type { SpoolColumns } from './finding-spool.js';

/**
 * The report order of spooled findings (worst severity first, then rule, account, resource and subject
 * in the collator's order; ties in the order the engine made them), as positions into the columns.
 * Rules and accounts are ranked once, so most comparisons are between small integers.
 */
export function reportOrder(columns: SpoolColumns): Uint32Array {
  const ruleRank = ranks(columns.ruleIds);
  const accountRank = ranks(columns.accountIds);
  const { severity, rule, account, arns, subjects } = columns;
  const order = new Uint32Array(columns.count);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  return order.sort(
    (a, b) =>
      severity[a]! - severity[b]! ||
      ruleRank[rule[a]!]! - ruleRank[rule[b]!]! ||
      accountRank[account[a]!]! - accountRank[account[b]!]! ||
      (arns[a] === arns[b] ? 0 : collate(arns[a]!, arns[b]!)) ||
      (subjects[a] === subjects[b] ? 0 : collate(subjects[a]!, subjects[b]!)) ||
      a - b,
  );
}

/** Each string's rank in collator order (strings the collator holds equal share a rank). */
function ranks(values: readonly string[]): Int32Array {
  const sorted = values.map((_, i) => i).sort((a, b) => collate(values[a]!, values[b]!));
  const rank = new Int32Array(values.length);
  let current = 0;
  sorted.forEach((index, position) => {
    if (position > 0 && collate(values[sorted[position - 1]!]!, values[index]!) !== 0) current = position;
    rank[index] = current;
  });
  return rank;
}
