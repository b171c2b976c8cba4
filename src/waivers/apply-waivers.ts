import picomatch from 'picomatch';
import type { ReportFinding } from '../reporters/model/report-model.js';
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
  findings: ReportFinding[];
  outcomes: WaiverOutcome[];
}

/**
 * Marks findings matched by an unexpired waiver (the first such waiver in file order wins) and
 * reports, per waiver, whether it is active, expired or matched nothing. Expired waivers never
 * suppress: the date is the whole point of writing one.
 */
export function applyWaivers(
  findings: readonly ReportFinding[],
  waivers: readonly Waiver[],
  options: { now: Date; aliasesOf: (ruleId: string) => readonly string[] },
): AppliedWaivers {
  const compiled = waivers.map((waiver) => ({
    waiver,
    expired: waiverExpiresAt(waiver.expires).getTime() <= options.now.getTime(),
    matchesResource: picomatch(waiver.resource, RESOURCE_GLOB_OPTIONS),
    matched: 0,
  }));
  const result = findings.map((finding) => {
    const ruleIds = new Set([finding.ruleId, ...options.aliasesOf(finding.ruleId)]);
    let applied: Waiver | undefined;
    for (const entry of compiled) {
      const { waiver } = entry;
      if (waiver.rule !== '*' && !ruleIds.has(waiver.rule)) continue;
      if (waiver.account && waiver.account !== finding.accountId) continue;
      if (!entry.matchesResource(finding.resourceArn)) continue;
      entry.matched += 1;
      if (!entry.expired && !applied) applied = waiver;
    }
    if (!applied) return finding;
    return { ...finding, waiver: { reason: applied.reason, owner: applied.owner, expires: applied.expires } };
  });
  const outcomes = compiled.map(
    ({ waiver, expired, matched }, index): WaiverOutcome => ({
      index,
      rule: waiver.rule,
      resource: waiver.resource,
      account: waiver.account ?? null,
      reason: waiver.reason,
      owner: waiver.owner,
      expires: waiver.expires,
      status: expired ? 'expired' : matched === 0 ? 'unused' : 'active',
      matched,
    }),
  );
  return { findings: result, outcomes };
}
