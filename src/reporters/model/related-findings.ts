import type { Finding } from '../../rules/finding.js';
import { severityRank } from '../../rules/severity.js';
import { collate } from './collate.js';

/** IAM access key ids (AKIA… long-term, ASIA… temporary): a finding with one as subject is about that key. */
const ACCESS_KEY_ID = /^A[KS]IA[0-9A-Z]{8,}$/;

/** User-level findings that are about the user's keys, not about something else the user holds. */
const ABOUT_THE_KEYS = new Set(['iam-workload-user-static-keys', 'iam-multiple-active-access-keys']);

/**
 * One problem per access key. A never-used old key is a fact for four rules (max age, never used, unused,
 * workload on keys), each mapped to its own compliance control, so every finding is kept; but the worst one
 * becomes the key's primary finding and the others point at it with `relatedTo`, so a report can show one
 * row per key with the others as related facts. User-level findings about the keys (workload on keys, more
 * than one key, MFA on a key-only workload) join the user's worst key group. Returns id → primary id.
 */
export function relateFindings(findings: readonly Finding[]): Map<string, string> {
  const groups = new Map<string, Finding[]>();
  const byUser = new Map<string, string[]>();
  for (const finding of findings) {
    if (!ACCESS_KEY_ID.test(finding.subject)) continue;
    const key = `${finding.resourceArn}#${finding.subject}`;
    const group = groups.get(key);
    if (group) {
      group.push(finding);
      continue;
    }
    groups.set(key, [finding]);
    const keys = byUser.get(finding.resourceArn);
    if (keys) keys.push(key);
    else byUser.set(finding.resourceArn, [key]);
  }
  for (const group of groups.values()) group.sort(worstFirst);
  for (const finding of findings) {
    if (!aboutTheKeys(finding)) continue;
    const keys = byUser.get(finding.resourceArn) ?? [];
    const worst = keys.map((key) => groups.get(key)!).sort((a, b) => worstFirst(a[0]!, b[0]!))[0];
    worst?.push(finding);
  }
  const relatedTo = new Map<string, string>();
  for (const [primary, ...others] of groups.values()) {
    for (const other of others) relatedTo.set(other.id, primary!.id);
  }
  return relatedTo;
}

function aboutTheKeys(finding: Finding): boolean {
  if (finding.subject !== '') return false;
  return (
    ABOUT_THE_KEYS.has(finding.ruleId) ||
    (finding.ruleId === 'iam-user-without-mfa' && finding.details.keyOnlyWorkload === true)
  );
}

function worstFirst(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || collate(a.ruleId, b.ruleId);
}
