import picomatch from 'picomatch';
import { type FindingList, mappedFindings } from '../model/finding-list.js';
import { findingWith } from '../model/finding-with.js';
import type { ReportFinding } from '../model/report-model.js';
import { RESOURCE_GLOB_OPTIONS } from './load-waivers.js';
import type { WaiverOutcome } from './waiver-report.js';
import type { Waiver } from './waiver-schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A bare date is valid through the end of that day (UTC); a date-time is exact. */
export function waiverExpiresAt(expires: string): Date {
  const base = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T00:00:00Z` : expires);
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(expires) ? base + DAY_MS : base);
}

export interface AppliedWaivers {
  /** The findings, each marked when read if a waiver applies (a view: nothing is copied up front). */
  findings: FindingList;
  outcomes: WaiverOutcome[];
}

/**
 * Marks findings matched by an unexpired waiver (the first such waiver in file order wins) and
 * reports, per waiver, whether it is active, expired or matched nothing. Expired waivers never
 * suppress: the date is the whole point of writing one. One pass counts the matches; the findings are
 * marked again each time the returned list is read.
 */
export function applyWaivers(
  findings: FindingList,
  waivers: readonly Waiver[],
  options: { now: Date; aliasesOf: (ruleId: string) => readonly string[] },
): AppliedWaivers {
  const compiled = waivers.map((waiver) => ({
    waiver,
    expired: waiverExpiresAt(waiver.expires).getTime() <= options.now.getTime(),
    matchesResource: picomatch(waiver.resource, RESOURCE_GLOB_OPTIONS),
  }));
  const matched = compiled.map(() => 0);
  // The waivers naming each rule (by id, a former id or "*"), in file order: rules are few, and findings
  // are matched again each time the list is read.
  const byRule = new Map<string, number[]>();
  const waiversOf = (ruleId: string): number[] => {
    let indexes = byRule.get(ruleId);
    if (!indexes) {
      const ruleIds = new Set([ruleId, ...options.aliasesOf(ruleId)]);
      indexes = compiled.flatMap(({ waiver }, i) =>
        waiver.rule === '*' || ruleIds.has(waiver.rule) ? [i] : [],
      );
      byRule.set(ruleId, indexes);
    }
    return indexes;
  };
  /** The waiver that applies to a finding; `count` adds each matching waiver's match. */
  const waiverFor = (finding: ReportFinding, count: boolean): Waiver | undefined => {
    let applied: Waiver | undefined;
    for (const i of waiversOf(finding.ruleId)) {
      const { waiver, expired, matchesResource } = compiled[i]!;
      if (waiver.account && waiver.account !== finding.accountId) continue;
      if (!matchesResource(finding.resourceArn)) continue;
      if (!count) {
        if (!expired) return waiver;
        continue;
      }
      matched[i] = (matched[i] ?? 0) + 1;
      if (!expired && !applied) applied = waiver;
    }
    return applied;
  };
  for (const finding of findings) waiverFor(finding, true);
  const marked = mappedFindings(findings, (finding) => {
    const applied = waiverFor(finding, false);
    if (!applied) return finding;
    return findingWith(finding, {
      waiver: { reason: applied.reason, owner: applied.owner, expires: applied.expires },
    });
  });
  const outcomes = compiled.map(
    ({ waiver, expired }, index): WaiverOutcome => ({
      index,
      rule: waiver.rule,
      resource: waiver.resource,
      account: waiver.account ?? null,
      reason: waiver.reason,
      owner: waiver.owner,
      expires: waiver.expires,
      status: expired ? 'expired' : matched[index] === 0 ? 'unused' : 'active',
      matched: matched[index] ?? 0,
    }),
  );
  return { findings: marked, outcomes };
}
