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
