import { severityRank } from '../rules/severity.js';
import type { ReportFinding, ReportModel } from './model/report-model.js';

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
 * with the next worst when fewer than `limit` remain.
 */
export function topProblems(problems: readonly ReportFinding[], limit: number): ReportFinding[] {
  const ordered = [...problems].sort(byRisk);
  const perRule = new Map<string, number>();
  const picked: ReportFinding[] = [];
  const rest: ReportFinding[] = [];
  for (const finding of ordered) {
    const count = perRule.get(finding.ruleId) ?? 0;
    if (picked.length < limit && count < TOP_ROWS_PER_RULE) {
      picked.push(finding);
      perRule.set(finding.ruleId, count + 1);
    } else rest.push(finding);
  }
  for (const finding of rest) {
    if (picked.length >= limit) break;
    picked.push(finding);
  }
  return picked.sort(byRisk);
}

/** Related facts of each primary finding (same access key), by primary id. */
export function relatedByPrimary(model: ReportModel): Map<string, ReportFinding[]> {
  const related = new Map<string, ReportFinding[]>();
  for (const finding of model.findings) {
    if (!finding.relatedTo) continue;
    related.set(finding.relatedTo, [...(related.get(finding.relatedTo) ?? []), finding]);
  }
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

/** Accounts ranked by open critical, then high, then all open findings: where to start. */
export function accountsByRisk(model: ReportModel, open: readonly ReportFinding[]): AccountRisk[] {
  const rows = new Map<string, AccountRisk>(
    model.scan.accounts.map((a) => [
      a.id,
      { id: a.id, name: a.name, status: a.status, critical: 0, high: 0, open: 0 },
    ]),
  );
  for (const finding of open) {
    const row = rows.get(finding.accountId);
    if (!row) continue;
    row.open += 1;
    if (finding.severity === 'critical') row.critical += 1;
    if (finding.severity === 'high') row.high += 1;
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.critical + b.high - (a.critical + a.high) ||
      b.critical - a.critical ||
      b.open - a.open ||
      a.id.localeCompare(b.id),
  );
}
