import type { JsonDocument } from './upgrade-chain.js';

/**
 * The common shape of a snapshot upgrade step: a newer version adds slices an older keysweep never
 * collected, so in an older document they become `not_collected` with the reason — never an empty list,
 * which would be a claim the older keysweep never checked. Slices already present are left alone.
 * Pure: returns new objects, the input untouched; malformed parts pass through for the schema to reject.
 */

/** Marks `names` under each account's `iam` not collected. */
export function markAccountIamSlicesNotCollected(
  document: JsonDocument,
  names: readonly string[],
  reason: string,
): JsonDocument {
  if (!Array.isArray(document.accounts)) return document;
  const accounts = document.accounts.map((account: unknown) => {
    if (!isRecord(account) || !isRecord(account.iam)) return account;
    return { ...account, iam: withNotCollected(account.iam, names, reason) };
  });
  return { ...document, accounts };
}

/** Marks `names` under the top-level object `section` (e.g. `identityCenter`) not collected. */
export function markSectionSlicesNotCollected(
  document: JsonDocument,
  section: string,
  names: readonly string[],
  reason: string,
): JsonDocument {
  const value = document[section];
  if (!isRecord(value)) return document;
  return { ...document, [section]: withNotCollected(value, names, reason) };
}

function withNotCollected(
  holder: Record<string, unknown>,
  names: readonly string[],
  reason: string,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...holder };
  for (const name of names) next[name] ??= { status: 'not_collected', reason };
  return next;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
