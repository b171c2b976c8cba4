import type { PolicyDocument } from '../inventory/policy-document.js';

/**
 * A canonical form of an IAM policy document for semantic comparison: object keys sorted, every list
 * sorted (no list in a policy is ordered: statements, actions, resources, condition values), and a
 * one-item list equal to its item, as IAM reads "Action": "s3:*" and "Action": ["s3:*"] alike.
 */
export function canonicalPolicy(document: PolicyDocument | null): string {
  return document === null ? '(none)' : JSON.stringify(canonical(document));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = [...new Map(value.map((v) => canonical(v)).map((v) => [JSON.stringify(v), v])).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
    return items.length === 1 ? items[0] : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Declared vs live for a report: when both documents exist and only statements differ, just the statements
 * each side has that the other lacks, so a reader sees the edit, not two whole documents.
 */
export function describePolicyDifference(
  declared: PolicyDocument | null,
  live: PolicyDocument | null,
): { declared: string; live: string } {
  const whole = { declared: canonicalPolicy(declared), live: canonicalPolicy(live) };
  if (!declared || !live) return whole;
  const { Statement: declaredStatements, ...declaredRest } = declared;
  const { Statement: liveStatements, ...liveRest } = live;
  if (JSON.stringify(canonical(declaredRest)) !== JSON.stringify(canonical(liveRest))) return whole;
  const statements = (s: unknown) => (Array.isArray(s) ? s : [s]).map((x) => JSON.stringify(canonical(x)));
  const mine = statements(declaredStatements);
  const theirs = statements(liveStatements);
  const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
  const show = (list: string[]) =>
    list.length === 0 ? 'no other statement' : `statement ${list.join(', statement ')}`;
  return { declared: show(only(mine, theirs)), live: show(only(theirs, mine)) };
}
