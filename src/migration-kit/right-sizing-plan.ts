import { z } from 'zod';
import type { CollectedPrincipalUsage } from '../inventory/iam-usage-schema.js';
import { policyDocumentSchema } from '../inventory/policy-document.js';
import type { Account } from '../inventory/snapshot-schema.js';
import { heldByAll, heldByUser } from '../knowledge/held-permissions.js';
import { JOB_FUNCTION_POLICIES, jobFunctionServices } from '../knowledge/job-function-policies.js';
import { proposeRightSizing, type RightSizing } from '../knowledge/right-sizing.js';
import { IAM_SERVICE_REFERENCE } from '../knowledge/service-reference.js';
import { accountUsage } from '../knowledge/service-usage.js';
import type { UserContext } from './permission-set-plan.js';

/**
 * The evidence and the right-sized proposal for one permission set of the plan: what its people used
 * in the window (services, last use, source), and a narrower set where the evidence allows one.
 * `narrowed-*`: a proposal narrower than what they hold today; keep: no narrower proposal (with why);
 * unknown: the evidence cannot say (not collected, a failed job, analyzer facts, an unknown policy).
 */
export const planRightSizingSchema = z.object({
  outcome: z.enum(['narrowed-inline', 'narrowed-managed', 'keep', 'unknown']),
  reason: z.string().nullable(),
  windowDays: z.int().positive().nullable(),
  sources: z.array(z.string()),
  services: z.array(
    z.object({
      namespace: z.string(),
      lastUsed: z.string(),
      usedBy: z.int().nonnegative(),
      actionLevel: z.boolean(),
      actions: z.array(z.string()).nullable(),
    }),
  ),
  /** Services the people hold today per the evidence (the job answers list every allowed service). */
  servicesHeld: z.int().nonnegative().nullable(),
  managedPolicyArn: z.string().nullable(),
  /** The version of the job-function policy whose document the coverage check read (AWS may have revised it). */
  managedPolicyVersion: z.string().nullable(),
  inlinePolicy: policyDocumentSchema.nullable(),
  statements: z.array(
    z.object({
      sid: z.string(),
      confidence: z.enum(['high', 'medium', 'low', 'review']),
      reason: z.string(),
      actions: z.array(z.string()),
    }),
  ),
  /** Services held today (per the evidence) that the proposal no longer grants. */
  removedServices: z.array(z.string()),
  /**
   * Whether the kit's Terraform carries the proposal (`keysweep plan` does by default for the sets it
   * creates; `--no-right-size` keeps today's policies; an existing set is never changed in place).
   */
  applied: z.boolean(),
  /** The policies the proposal replaced in this set (what the IAM users have today); null when not applied. */
  replaced: z
    .object({
      awsManagedPolicies: z.array(z.string()),
      customerManagedPolicies: z.array(z.string()),
      inlinePolicy: policyDocumentSchema.nullable(),
    })
    .nullable(),
});
export type PlanRightSizing = z.infer<typeof planRightSizingSchema>;

/** A user's usage evidence for the plan: undefined (not collected), null (no answer), or the facts. */
export function userUsage(account: Account, arn: string): UserContext['usage'] {
  const usage = accountUsage(account);
  if (!usage) return undefined;
  const principal = usage.principals.find((p) => p.arn === arn);
  return principal?.status === 'ok' ? { principal, windowDays: usage.windowDays } : null;
}

/** A right-sizing entry with no evidence and nothing proposed (the outcome and reason are added by the caller). */
export const NO_RIGHT_SIZING: Omit<PlanRightSizing, 'outcome' | 'reason'> = {
  windowDays: null,
  sources: [],
  services: [],
  servicesHeld: null,
  managedPolicyArn: null,
  managedPolicyVersion: null,
  inlinePolicy: null,
  statements: [],
  removedServices: [],
  applied: false,
  replaced: null,
};

/** The right-sizing entry of a permission set whose members are these IAM users. */
export function planRightSizing(members: readonly UserContext[]): PlanRightSizing {
  const usages: CollectedPrincipalUsage[] = [];
  let windowDays: number | null = null;
  for (const member of members) {
    const usage = member.usage;
    if (!usage) {
      const why =
        usage === null
          ? `no usage evidence for ${member.user.arn} (its job failed)`
          : `usage evidence not collected in account ${member.accountId}`;
      return { ...NO_RIGHT_SIZING, outcome: 'unknown', reason: why };
    }
    usages.push(usage.principal);
    windowDays = Math.min(windowDays ?? usage.windowDays, usage.windowDays);
  }
  const held = members.map((m) => heldByUser(m.user, m.groups, m.policies));
  const heldAll = held.every((h) => h !== null)
    ? heldByAll(held as NonNullable<(typeof held)[number]>[])
    : null;
  // The window ends when the evidence was read (the latest job), so the plan is the same whenever it is built.
  const asOf = usages
    .map((u) => u.asOf)
    .filter((d): d is string => d !== null)
    .sort()
    .pop();
  if (!asOf || windowDays === null)
    return { ...NO_RIGHT_SIZING, outcome: 'unknown', reason: 'the evidence has no date' };
  const result = proposeRightSizing({
    principals: usages,
    now: new Date(asOf),
    windowDays,
    held: heldAll,
    reference: IAM_SERVICE_REFERENCE,
  });
  return planOfProposal(result, windowDays);
}

/**
 * A right-sizing proposal as plan.json records it (evidence, outcome, policy, what it removes). Not yet
 * applied: the caller says whether its Terraform carries it, and what it replaces.
 */
export function planOfProposal(result: RightSizing, windowDays: number): PlanRightSizing {
  if (result.kind === 'unknown')
    return { ...NO_RIGHT_SIZING, outcome: 'unknown', reason: result.reason, windowDays };
  const evidence = {
    windowDays,
    sources: result.evidence.sources,
    services: result.evidence.used.map((u) => ({
      namespace: u.namespace,
      lastUsed: u.lastAccessed,
      usedBy: u.usedBy,
      actionLevel: u.actionLevel,
      actions: u.actions,
    })),
    servicesHeld: result.evidence.servicesHeld,
  };
  const granted = (actions: readonly string[]) => new Set(actions.map((a) => a.split(':')[0] ?? a));
  if (result.kind === 'keep')
    return { ...NO_RIGHT_SIZING, ...evidence, outcome: 'keep', reason: result.reason };
  if (result.kind === 'managed-job-function')
    return {
      ...NO_RIGHT_SIZING,
      ...evidence,
      outcome: 'narrowed-managed',
      reason: null,
      managedPolicyArn: result.policyArn,
      managedPolicyVersion: result.policyVersion,
      removedServices: result.evidence.heldNamespaces.filter(
        (n) => !servicesOfJobFunction(result.policyArn).includes(n),
      ),
    };
  return {
    ...NO_RIGHT_SIZING,
    ...evidence,
    outcome: 'narrowed-inline',
    reason: null,
    inlinePolicy: result.document,
    removedServices: result.evidence.heldNamespaces.filter(
      (n) => !granted(result.statements.flatMap((s) => s.actions)).has(n),
    ),
    statements: result.statements.map((s) => ({
      sid: s.sid,
      confidence: s.confidence,
      reason: s.reason,
      actions: s.actions,
    })),
  };
}

function servicesOfJobFunction(arn: string): string[] {
  const policy = JOB_FUNCTION_POLICIES.find((p) => p.arn === arn);
  return policy ? jobFunctionServices(policy) : [];
}
