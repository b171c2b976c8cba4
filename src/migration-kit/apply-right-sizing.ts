import { isAdminEquivalent } from '../knowledge/policy/admin-equivalent.js';
import { isUnscopedGrant } from '../knowledge/unscoped-grant.js';
import type { KitRuleOptions } from './kit-options.js';
import type { PlanPermissionSet } from './plan-schema.js';

/** The warning planPermissionSet puts first on a set that grants `*:*` (see permission-set-plan.ts). */
const FULL_ADMIN_WARNING = /^GRANTS \*:\* \(full administrator\)/;

/**
 * Makes a narrowed proposal the permission set the kit creates: its policies become the right-sized
 * ones (a job-function policy, or the generated inline policy), today's are kept in
 * `rightSizing.replaced` so the plan still says what the IAM users had. Only for a set the kit creates:
 * an existing set is imported unchanged (other people may use it; see existing-set-narrowing.ts), and
 * `keysweep plan --no-right-size` keeps today's policies everywhere.
 *
 * The proposal is within what every member holds today (src/knowledge/right-sizing.ts), so this only
 * ever narrows; the statements for review stay in the policy, flagged in the Terraform and the runbook.
 */
export function applyRightSizing(
  set: PlanPermissionSet,
  enabled: boolean,
  { adminPolicyArns }: KitRuleOptions,
): PlanPermissionSet {
  const r = set.rightSizing;
  if (!enabled || !r || set.exists === true) return set;
  // Today's grant scoped by resource, by condition, or by per-account customer managed policies: the
  // proposal (actions on "*") is not provably narrower, so it stays advice.
  const scoped =
    set.customerManagedPolicies.length > 0
      ? 'customer managed policies (documents differ per account)'
      : !isUnscopedGrant([set.inlinePolicy])
        ? 'an inline policy scoped by resource or condition'
        : null;
  if (scoped && r.outcome.startsWith('narrowed'))
    return {
      ...set,
      rightSizing: {
        ...r,
        reason: `not applied to the Terraform: today's set has ${scoped}; the proposal compares actions only`,
      },
    };
  const awsManagedPolicies =
    r.outcome === 'narrowed-managed' && r.managedPolicyArn ? [r.managedPolicyArn] : null;
  const inlinePolicy = r.outcome === 'narrowed-inline' ? r.inlinePolicy : null;
  if (!awsManagedPolicies && !inlinePolicy) return set;
  const fullAdmin = isAdminEquivalent(
    { managedPolicyArns: awsManagedPolicies ?? [], documents: [inlinePolicy] },
    adminPolicyArns,
  );
  const days = r.windowDays ?? 0;
  return {
    ...set,
    description: `${set.description ?? 'Proposed by keysweep'}; right-sized from ${days} days of usage evidence`,
    awsManagedPolicies: awsManagedPolicies ?? [],
    customerManagedPolicies: [],
    inlinePolicy,
    grantsFullAdmin: fullAdmin,
    warnings: set.warnings.filter((w) => fullAdmin || !FULL_ADMIN_WARNING.test(w)),
    rightSizing: {
      ...r,
      applied: true,
      replaced: {
        awsManagedPolicies: set.awsManagedPolicies,
        customerManagedPolicies: set.customerManagedPolicies,
        inlinePolicy: set.inlinePolicy,
      },
    },
  };
}

/** What the kit removes from a right-sized set, for the access diff's "narrowed" rows; null when nothing. */
export function rightSizingNarrowing(set: PlanPermissionSet | undefined): string | null {
  const r = set?.rightSizing;
  if (!r?.applied || !r.replaced) return null;
  const today = [
    ...r.replaced.awsManagedPolicies.map((a) => a.split('/').pop() ?? a),
    ...r.replaced.customerManagedPolicies,
    ...(r.replaced.inlinePolicy ? ['inline policy'] : []),
  ].join(', ');
  const removed = r.removedServices;
  const shown = removed.slice(0, 20).join(', ');
  const more = removed.length > 20 ? ` and ${removed.length - 20} more` : '';
  const review = r.statements.find((s) => s.confidence === 'review');
  return [
    `right-sized from ${r.windowDays}-day usage evidence (${r.sources.join(', ')}): replaces ${today || 'nothing'}`,
    removed.length > 0
      ? `removes ${removed.length} service(s) unused in the window: ${shown}${more}`
      : 'removes actions unused in the window',
    `keeps ${r.services.map((s) => s.namespace).join(', ')}${review ? ` (+${review.actions.length} untracked action(s) for review)` : ''}`,
  ].join('; ');
}
