import type { Finding } from '../../findings/finding.js';
import { type Severity, severityRank } from '../../findings/severity.js';
import { collate } from './collate.js';

/** IAM access key ids (AKIA… long-term, ASIA… temporary): a finding with one as subject is about that key. */
const ACCESS_KEY_ID = /^A[KS]IA[0-9A-Z]{8,}$/;

/** User-level findings that are about the user's keys, not about something else the user holds. */
const ABOUT_THE_KEYS = new Set(['iam-workload-user-static-keys', 'iam-multiple-active-access-keys']);

/** What relating needs of a finding. */
export interface RelateFacts {
  severity: Severity;
  ruleId: string;
  resourceArn: string;
  subject: string;
  /** details.keyOnlyWorkload === true */
  keyOnlyWorkload: boolean;
}

/**
 * One problem per access key. A never-used old key is a fact for four rules (max age, never used, unused,
 * workload on keys), each mapped to its own compliance control, so every finding is kept; but the worst one
 * becomes the key's primary finding and the others point at it with `relatedTo`, so a report can show one
 * row per key with the others as related facts. User-level findings about the keys (workload on keys, more
 * than one key, MFA on a key-only workload) join the user's worst key group. Returns id → primary id.
 */
export function relateFindings(findings: readonly Finding[]): Map<string, string> {
  const primaries = relatedPrimaries(findings.length, (i) => {
    const finding = findings[i]!;
    return {
      severity: finding.severity,
      ruleId: finding.ruleId,
      resourceArn: finding.resourceArn,
      subject: finding.subject,
      keyOnlyWorkload: finding.details.keyOnlyWorkload === true,
    };
  });
  const relatedTo = new Map<string, string>();
  primaries.forEach((primary, i) => {
    if (primary >= 0) relatedTo.set(findings[i]!.id, findings[primary]!.id);
  });
  return relatedTo;
}

/**
 * relateFindings over findings known by position (0 … count-1, in evaluation order): for each, the position
 * of its primary finding, or -1.
 */
export function relatedPrimaries(count: number, factsAt: (index: number) => RelateFacts): Int32Array {
  // Per user ARN, its keys' groups by key id, in order of first finding (no "arn#key" string per finding).
  const byUser = new Map<string, Map<string, number[]>>();
  // What the ordering needs of a key finding, by position (most findings are about a key).
  const rank = new Int8Array(count);
  const ruleIds: string[] = new Array<string>(count);
  const aboutKeys: Array<{ index: number; resourceArn: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const finding = factsAt(i);
    if (aboutTheKeys(finding)) aboutKeys.push({ index: i, resourceArn: finding.resourceArn });
    if (!ACCESS_KEY_ID.test(finding.subject)) continue;
    rank[i] = severityRank(finding.severity);
    ruleIds[i] = finding.ruleId;
    let keys = byUser.get(finding.resourceArn);
    if (!keys) {
      keys = new Map();
      byUser.set(finding.resourceArn, keys);
    }
    const group = keys.get(finding.subject);
    if (group) group.push(i);
    else keys.set(finding.subject, [i]);
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

function aboutTheKeys(finding: RelateFacts): boolean {
  if (finding.subject !== '') return false;
  return (
    ABOUT_THE_KEYS.has(finding.ruleId) ||
    (finding.ruleId === 'iam-user-without-mfa' && finding.keyOnlyWorkload)
  );
}
