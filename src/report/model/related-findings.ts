import type { Finding } from '../../findings/finding.js';
import { type Severity, severityRank } from '../../findings/severity.js';
import { collate } from './collate.js';

/** IAM access key ids (AKIA… long-term, ASIA… temporary): a finding with one as subject is about that key. */
const ACCESS_KEY_ID = /^A[KS]IA[0-9A-Z]{8,}$/;

/** User-level findings that are about the user's keys, not about something else the user holds. */
const ABOUT_THE_KEYS = new Set(['iam-workload-user-static-keys', 'iam-multiple-active-access-keys']);

/** What relating needs of the finding at each position (functions, so no object is made per finding). */
export interface RelateColumns {
  severity(index: number): Severity;
  ruleId(index: number): string;
  resourceArn(index: number): string;
  subject(index: number): string;
  /** details.keyOnlyWorkload === true */
  keyOnlyWorkload(index: number): boolean;
}

/**
 * One problem per access key. A never-used old key is a fact for four rules (max age, never used, unused,
 * workload on keys), each mapped to its own compliance control, so every finding is kept; but the worst one
 * becomes the key's primary finding and the others point at it with `relatedTo`, so a report can show one
 * row per key with the others as related facts. User-level findings about the keys (workload on keys, more
 * than one key, MFA on a key-only workload) join the user's worst key group. Returns, per position, the
 * position of the finding's primary, or -1.
 */
export function relateFindings(findings: readonly Finding[]): Int32Array {
  return relatedPrimaries(findings.length, {
    severity: (i) => findings[i]!.severity,
    ruleId: (i) => findings[i]!.ruleId,
    resourceArn: (i) => findings[i]!.resourceArn,
    subject: (i) => findings[i]!.subject,
    keyOnlyWorkload: (i) => findings[i]!.details.keyOnlyWorkload === true,
  });
}

/**
 * relateFindings over findings known by position (0 … count-1, in evaluation order): for each, the position
 * of its primary finding, or -1.
 */
export function relatedPrimaries(count: number, facts: RelateColumns): Int32Array {
  // Per user ARN, its keys' groups by key id, in order of first finding (no "arn#key" string per finding).
  const byUser = new Map<string, Map<string, number[]>>();
  // What the ordering needs of a key finding, by position (most findings are about a key).
  const rank = new Int8Array(count);
  const ruleIds: string[] = new Array<string>(count);
  const aboutKeys: Array<{ index: number; resourceArn: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const subject = facts.subject(i);
    if (subject === '') {
      if (aboutTheKeys(facts, i)) aboutKeys.push({ index: i, resourceArn: facts.resourceArn(i) });
      continue;
    }
    if (!ACCESS_KEY_ID.test(subject)) continue;
    rank[i] = severityRank(facts.severity(i));
    ruleIds[i] = facts.ruleId(i);
    const resourceArn = facts.resourceArn(i);
    let keys = byUser.get(resourceArn);
    if (!keys) {
      keys = new Map();
      byUser.set(resourceArn, keys);
    }
    const group = keys.get(subject);
    if (group) group.push(i);
    else keys.set(subject, [i]);
  }
  const worstFirst = (a: number, b: number) =>
    rank[b]! - rank[a]! || (ruleIds[a] === ruleIds[b] ? 0 : collate(ruleIds[a]!, ruleIds[b]!));
  for (const keys of byUser.values()) for (const group of keys.values()) group.sort(worstFirst);
  for (const { index, resourceArn } of aboutKeys) {
    const keys = byUser.get(resourceArn);
    if (!keys) continue;
    // The first of the user's worst key groups (by their primaries), as a stable sort's first.
    let worst: number[] | undefined;
    for (const group of keys.values()) if (!worst || worstFirst(group[0]!, worst[0]!) < 0) worst = group;
    worst!.push(index);
  }
  const primaries = new Int32Array(count).fill(-1);
  for (const keys of byUser.values()) {
    for (const group of keys.values()) {
      for (let k = 1; k < group.length; k += 1) primaries[group[k]!] = group[0]!;
    }
  }
  return primaries;
}

/** Whether the finding at `index`, whose subject is '', is a user-level finding about the user's keys. */
function aboutTheKeys(facts: RelateColumns, index: number): boolean {
  const ruleId = facts.ruleId(index);
  return ABOUT_THE_KEYS.has(ruleId) || (ruleId === 'iam-user-without-mfa' && facts.keyOnlyWorkload(index));
}
