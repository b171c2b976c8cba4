import { SEVERITIES, type Severity, severityRank } from '../findings/severity.js';
import { insertBounded } from '../report/model/finding-list.js';
import type { ReportFinding, ReportModel } from '../report/model/report-model.js';

/**
 * Within a severity, the risks a reader must see first: someone using root, root keys, unrestricted
 * administrators, console users without MFA. Rules not listed come after, by id.
 */
const RULE_PRIORITY = [
  'root-used-recently',
  'root-access-keys-exist',
  'root-mfa-disabled',
  'iam-full-admin-privileges',
  'iam-console-user-without-mfa',
  'iam-break-glass-user-hygiene',
  'sso-admin-permission-set-assigned-to-user',
  'sso-inline-policy-admin',
  'iam-access-key-max-age',
];

/** At most this many rows of one rule in "Top findings", so one noisy rule cannot crowd out the rest. */
export const TOP_ROWS_PER_RULE = 4;

function priority(ruleId: string): number {
  const index = RULE_PRIORITY.indexOf(ruleId);
  return index === -1 ? RULE_PRIORITY.length : index;
}

export function byRisk(a: ReportFinding, b: ReportFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    priority(a.ruleId) - priority(b.ruleId) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.accountId.localeCompare(b.accountId) ||
    a.resourceArn.localeCompare(b.resourceArn)
  );
}

/**
 * The open problems most worth a reader's first minutes: one row per problem (related facts folded into
 * their primary finding), ordered by risk across rules, at most TOP_ROWS_PER_RULE per rule, topped up
 * with the next worst when fewer than `limit` remain. One pass over `problems` (in report order), holding
 * at most TOP_ROWS_PER_RULE + `limit` findings per rule; `count` is how many problems there are.
 */
export function topProblems(
  problems: Iterable<ReportFinding>,
  limit: number,
): { top: ReportFinding[]; count: number } {
  // Per rule, its worst TOP_ROWS_PER_RULE + limit problems by risk (ties in report order, as a stable
  // sort of them all would have them): the first TOP_ROWS_PER_RULE are the rule's share, the rest the
  // only ones a top-up can reach.
  const perRule = new Map<string, ReportFinding[]>();
  let count = 0;
  for (const finding of problems) {
    count += 1;
    let best = perRule.get(finding.ruleId);
    if (!best) {
      best = [];
      perRule.set(finding.ruleId, best);
    }
    insertBounded(best, finding, TOP_ROWS_PER_RULE + limit, byRisk);
  }
  // byRisk ties only within one rule, where each list is already in order: a stable sort of the lists
  // joined is the order of a stable sort of every problem.
  const shares: ReportFinding[] = [];
  const rest: ReportFinding[] = [];
  for (const best of perRule.values()) {
    shares.push(...best.slice(0, TOP_ROWS_PER_RULE));
    rest.push(...best.slice(TOP_ROWS_PER_RULE));
  }
  const picked = shares.sort(byRisk).slice(0, Math.max(0, limit));
  if (picked.length < limit) picked.push(...rest.sort(byRisk).slice(0, limit - picked.length));
  return { top: picked.sort(byRisk), count };
}

/** Related facts (same access key) of the given primary findings, by primary id (one pass). */
export function relatedByPrimary(
  model: ReportModel,
  primaryIds: Iterable<string>,
): Map<string, ReportFinding[]> {
  const related = new Map<string, ReportFinding[]>();
  for (const id of primaryIds) related.set(id, []);
  if (related.size === 0) return related;
  for (const finding of model.findings) {
    if (finding.relatedTo) related.get(finding.relatedTo)?.push(finding);
  }
  for (const [id, facts] of related) if (facts.length === 0) related.delete(id);
  return related;
}

export interface AccountRisk {
  id: string;
  name: string;
  status: string;
  critical: number;
  high: number;
  open: number;
}

/**
 * Accounts ranked by open critical, then high, then all open findings: where to start. `openByAccount`:
 * open findings per account by severity (FindingTally).
 */
export function accountsByRisk(
  model: ReportModel,
  openByAccount: ReadonlyMap<string, Record<Severity, number>>,
): AccountRisk[] {
  const rows = new Map<string, AccountRisk>(
    model.scan.accounts.map((a) => [
      a.id,
      { id: a.id, name: a.name, status: a.status, critical: 0, high: 0, open: 0 },
    ]),
  );
  for (const [accountId, counts] of openByAccount) {
    const row = rows.get(accountId);
    if (!row) continue;
    for (const severity of SEVERITIES) row.open += counts[severity];
    row.critical += counts.critical;
    row.high += counts.high;
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.critical + b.high - (a.critical + a.high) ||
      b.critical - a.critical ||
      b.open - a.open ||
      a.id.localeCompare(b.id),
  );
}
