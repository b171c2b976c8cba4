import { z } from 'zod';
import type { CollectedPrincipalUsage } from '../inventory/iam-usage-schema.js';
import type { AccountAssignment, PermissionSet } from '../inventory/identity-center-schema.js';
import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { heldByPolicies } from '../knowledge/held-permissions.js';
import { DEFAULT_MAX_SESSION_HOURS, durationHours, isoHours } from '../knowledge/policy/identity-center.js';
import { proposeRightSizing } from '../knowledge/right-sizing.js';
import { IAM_SERVICE_REFERENCE } from '../knowledge/service-reference.js';
import { accountUsage, permissionSetNameOfReservedRole } from '../knowledge/service-usage.js';
import { isUnscopedGrant } from '../knowledge/unscoped-grant.js';
import { NO_RIGHT_SIZING, planOfProposal, planRightSizingSchema } from './right-sizing-plan.js';

/**
 * Existing permission sets narrowed from their own evidence (issue 23): Identity Center provisions a
 * set as the role AWSReservedSSO_<set>_<hash> in each account it is assigned to, so that role's last
 * accessed data is the set's use there, all its users merged. The union over every account the set is
 * assigned to, within what the set grants today, becomes a replacement set the kit creates beside it
 * (same assignments), so people can switch and switch back; the old set is never changed in place.
 */
export const planExistingSetNarrowingSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** The replacement set's name (Identity Center: at most 32 characters); null when nothing is proposed. */
  replacementName: z.string().nullable(),
  /** The existing set's session duration. */
  sessionDuration: z.string(),
  /**
   * The replacement's session duration: today's, capped at rule sso-session-duration-too-long's maximum, so
   * the set the kit creates is not a finding in the next scan (a shorter session never grants more).
   */
  replacementSessionDuration: z.string(),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      /** The AWSReservedSSO_* role whose evidence was read; null when none was found. */
      roleArn: z.string().nullable(),
    }),
  ),
  /** The set's assignments the replacement mirrors (and that are removed from the old set once people switched). */
  assignments: z.array(
    z.object({ accountId: z.string(), principalType: z.enum(['USER', 'GROUP']), principalId: z.string() }),
  ),
  rightSizing: planRightSizingSchema,
});
export type PlanExistingSetNarrowing = z.infer<typeof planExistingSetNarrowingSchema>;

const SUFFIX = '-Narrowed';
/** Identity Center permission set names: 1–32 of [\w+=,.@-]. */
const NAME_MAX = 32;

/** One entry per existing permission set that is assigned somewhere, narrowed where the evidence allows. */
export function existingSetNarrowing(
  snapshot: Snapshot,
  enabled = true,
  maxSessionHours = DEFAULT_MAX_SESSION_HOURS,
): PlanExistingSetNarrowing[] {
  const ic = snapshot.identityCenter;
  const sets = collectedData(ic.permissionSets);
  const assignments = collectedData(ic.assignments);
  if (sets === undefined || assignments === undefined) return [];
  const taken = new Set(sets.map((s) => s.name.toLowerCase()));
  return sets
    .filter((set) => !set.name.endsWith(SUFFIX))
    .flatMap((set) => {
      const own = assignments.filter((a) => a.permissionSetArn === set.arn);
      if (own.length === 0) return [];
      return [narrowOne(snapshot, set, own, taken, enabled, maxSessionHours)];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function narrowOne(
  snapshot: Snapshot,
  set: PermissionSet,
  own: readonly AccountAssignment[],
  taken: ReadonlySet<string>,
  enabled: boolean,
  maxSessionHours: number,
): PlanExistingSetNarrowing {
  const accountIds = [...new Set(own.map((a) => a.accountId))].sort();
  const principals: CollectedPrincipalUsage[] = [];
  const accounts: PlanExistingSetNarrowing['accounts'] = [];
  let missing: string | null = null;
  let windowDays: number | null = null;
  for (const accountId of accountIds) {
    const account = snapshot.accounts.find((a) => a.id === accountId);
    const usage = account ? accountUsage(account) : null;
    const roles = (usage?.principals ?? []).filter(
      (p) =>
        p.principalType === 'identity-center-role' &&
        permissionSetNameOfReservedRole(p.arn.split('/').pop() ?? '') === set.name,
    );
    accounts.push({ accountId, roleArn: roles[0]?.arn ?? null });
    if (!usage) missing ??= `usage evidence not collected in account ${accountId}`;
    else if (roles.length === 0)
      missing ??= `no AWSReservedSSO_${set.name}_* role with usage evidence in account ${accountId}`;
    else if (roles.some((principal) => principal.status !== 'ok'))
      missing ??= `the usage job of ${set.name}'s role failed in account ${accountId}`;
    for (const principal of roles) if (principal.status === 'ok') principals.push(principal);
    if (usage) windowDays = Math.min(windowDays ?? usage.windowDays, usage.windowDays);
  }
  const base = {
    name: set.name,
    arn: set.arn,
    sessionDuration: set.sessionDuration,
    replacementSessionDuration: cappedSession(set.sessionDuration, maxSessionHours),
    accounts,
    assignments: own.map((a) => ({
      accountId: a.accountId,
      principalType: a.principalType,
      principalId: a.principalId,
    })),
  };
  const unknown = (reason: string): PlanExistingSetNarrowing => ({
    ...base,
    replacementName: null,
    rightSizing: { ...NO_RIGHT_SIZING, outcome: 'unknown', reason, windowDays },
  });
  if (missing || windowDays === null) return unknown(missing ?? 'no usage evidence');
  // A boundary or customer managed policies (documents differ per account) make today's grant unknown.
  if (set.permissionsBoundary !== null)
    return unknown('the set has a permissions boundary: what it grants today is not modelled');
  if (set.customerManagedPolicies.length > 0)
    return unknown('the set has customer managed policies, whose documents differ per account');
  if (!isUnscopedGrant([set.inlinePolicy]))
    return unknown(
      'the set’s inline policy is scoped by resource or condition: a proposal on "*" is not provably narrower',
    );
  const held = heldByPolicies(
    set.managedPolicies.map((p) => ({ policyArn: p.arn, policyName: p.name })),
    set.inlinePolicy ? [{ policyName: 'inline', document: set.inlinePolicy }] : [],
    [],
  );
  const asOf = principals
    .map((p) => p.asOf)
    .filter((d): d is string => d !== null)
    .sort()
    .pop();
  if (!asOf) return unknown('the evidence has no date');
  const result = proposeRightSizing({
    principals,
    now: new Date(asOf),
    windowDays,
    held,
    reference: IAM_SERVICE_REFERENCE,
  });
  const proposal = planOfProposal(result, windowDays);
  if (proposal.outcome === 'unknown' || proposal.outcome === 'keep')
    return { ...base, replacementName: null, rightSizing: proposal };
  const replacementName = replacementNameOf(set.name, taken);
  return {
    ...base,
    replacementName,
    rightSizing: {
      ...proposal,
      reason: replacementName === null ? `no free name for the replacement of ${set.name}` : null,
      applied: enabled && replacementName !== null,
      replaced: {
        awsManagedPolicies: set.managedPolicies.map((p) => p.arn),
        customerManagedPolicies: [],
        inlinePolicy: set.inlinePolicy,
      },
    },
  };
}

/** `<name>-Narrowed`, the name cut to fit 32 characters; null when that name is taken already. */
export function replacementNameOf(name: string, taken: ReadonlySet<string>): string | null {
  const candidate = `${name.slice(0, NAME_MAX - SUFFIX.length)}${SUFFIX}`;
  return taken.has(candidate.toLowerCase()) ? null : candidate;
}

/** Today's session, or the rule's maximum when today's is longer (an unreadable duration is kept as it is). */
function cappedSession(today: string, maxSessionHours: number): string {
  const hours = durationHours(today);
  return hours === null || hours <= maxSessionHours ? today : isoHours(maxSessionHours);
}
