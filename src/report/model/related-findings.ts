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
  const groups = new Map<string, number[]>();
  const byUser = new Map<string, string[]>();
  const facts = new Map<number, RelateFacts>();
  const aboutKeys: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const finding = factsAt(i);
    if (aboutTheKeys(finding)) aboutKeys.push(i);
    if (!ACCESS_KEY_ID.test(finding.subject)) continue;
    facts.set(i, finding);
    const key = `${finding.resourceArn}#${finding.subject}`;
    const group = groups.get(key);
    if (group) {
      group.push(i);
      continue;
    }
    groups.set(key, [i]);
    const keys = byUser.get(finding.resourceArn);
    if (keys) keys.push(key);
    else byUser.set(finding.resourceArn, [key]);
  }
  const worstFirst = (a: number, b: number) => {
    const x = facts.get(a)!;
    const y = facts.get(b)!;
    return severityRank(y.severity) - severityRank(x.severity) || collate(x.ruleId, y.ruleId);
  };
  for (const group of groups.values()) group.sort(worstFirst);
  for (const i of aboutKeys) {
    const keys = byUser.get(factsAt(i).resourceArn) ?? [];
    const worst = keys.map((key) => groups.get(key)!).sort((a, b) => worstFirst(a[0]!, b[0]!))[0];
    worst?.push(i);
  }
  const primaries = new Int32Array(count).fill(-1);
  for (const [primary, ...others] of groups.values()) {
    for (const other of others) primaries[other] = primary!;
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
