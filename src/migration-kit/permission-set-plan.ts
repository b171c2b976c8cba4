import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import type { CollectedPrincipalUsage } from '../inventory/iam-usage-schema.js';
import type { PermissionSet } from '../inventory/identity-center-schema.js';
import { type PolicyDocument, statementsOf } from '../inventory/policy-document.js';
import type { ProposedPermissionSet } from '../knowledge/migration-planner.js';
import { isAdminEquivalent } from '../knowledge/policy/admin-equivalent.js';
import { durationHours, isoHours } from '../knowledge/policy/identity-center.js';
import { memberOf } from '../knowledge/policy/member-of.js';
import type { KitRuleOptions } from './kit-options.js';
import type { PlanPermissionSet } from './plan-schema.js';
import { planRightSizing } from './right-sizing-plan.js';

/** What the plan knows about one IAM user's account: its groups and policies, when collected. */
export interface UserContext {
  accountId: string;
  user: IamUser;
  groups: readonly IamGroup[];
  policies: readonly ManagedPolicy[];
  policiesComplete: boolean;
  /**
   * The user's usage evidence: undefined when the account's usage was not collected, null when its job
   * failed (see right-sizing-plan.ts).
   */
  usage?: { principal: CollectedPrincipalUsage; windowDays: number } | null;
}

/** Administrator sessions short (the rule's advice: 1–4 hours); everyone else at the rule's maximum. */
const ADMIN_SESSION = 'PT1H';

/**
 * Makes a planner proposal concrete: its session duration, its inline policy (the members' inline policies
 * merged, since Identity Center allows one), and whether it would grant `*:*`. A reused existing set that
 * carries more than the users had (an inline policy or a different boundary) is flagged, never hidden.
 */
export function planPermissionSet(
  proposal: ProposedPermissionSet,
  members: readonly UserContext[],
  existing: PermissionSet | undefined,
  customerPoliciesByAccount: ReadonlyMap<string, ReadonlySet<string> | null>,
  { maxSessionHours, adminPolicyArns }: KitRuleOptions,
): PlanPermissionSet {
  const first = members[0];
  const inlineDocs = first ? inlineDocuments(first) : [];
  const customerDocs = first
    ? first.policies.filter((p) => !p.awsManaged && proposal.policies.customerManaged.includes(p.policyName))
    : [];
  const fullAdmin = isAdminEquivalent(
    {
      managedPolicyArns: proposal.policies.awsManaged,
      documents: [...inlineDocs, ...customerDocs.map((p) => p.document), existing?.inlinePolicy ?? null],
    },
    adminPolicyArns,
  );
  const complete = members.every((m) => m.policiesComplete);
  const warnings: string[] = [];
  if (fullAdmin)
    warnings.push(`GRANTS *:* (full administrator): ${proposal.name} gives every action on every resource`);
  if (!complete)
    warnings.push(
      'IAM groups or policies of a member account were not collected: the proposal may miss permissions',
    );
  if (existing && (existing.inlinePolicy !== null || existing.permissionsBoundary !== null))
    warnings.push(
      `the existing permission set ${existing.name} has an inline policy or boundary the IAM users did not have: it may be broader than what they had, review before assigning`,
    );
  const existingHours = existing ? durationHours(existing.sessionDuration) : null;
  if (existing && existingHours !== null && existingHours > maxSessionHours)
    warnings.push(
      `the existing permission set ${existing.name} allows ${existingHours}-hour sessions (rule sso-session-duration-too-long: at most ${maxSessionHours})`,
    );
  for (const name of proposal.policies.customerManaged) {
    for (const accountId of proposal.accountIds) {
      const known = customerPoliciesByAccount.get(accountId);
      if (known === null || known === undefined)
        warnings.push(`customer managed policy ${name}: account ${accountId}'s policies were not collected`);
      else if (!known.has(name))
        warnings.push(
          `customer managed policy ${name} does not exist in account ${accountId}: create it there first`,
        );
    }
  }
  return {
    name: proposal.name,
    // The planner's null (existing permission sets not collected) stays unknown, never "new".
    exists: existing !== undefined ? true : proposal.exists === null ? null : false,
    arn: existing?.arn ?? null,
    description: existing
      ? existing.description
      : `Proposed by keysweep for ${proposal.userArns.length} IAM user(s) in ${proposal.accountIds.length} account(s)`,
    sessionDuration: existing?.sessionDuration ?? (fullAdmin ? ADMIN_SESSION : isoHours(maxSessionHours)),
    relayState: existing ? existing.relayState : null,
    tags: existing ? existing.tags : {},
    awsManagedPolicies: proposal.policies.awsManaged,
    customerManagedPolicies: proposal.policies.customerManaged,
    inlinePolicy: existing ? existing.inlinePolicy : mergeInline(inlineDocs),
    grantsFullAdmin: fullAdmin,
    policiesComplete: complete,
    warnings,
    rightSizing: planRightSizing(members),
  };
}

function inlineDocuments(context: UserContext): PolicyDocument[] {
  return [
    ...context.user.inlinePolicies.map((p) => p.document),
    ...memberOf(context.user, context.groups).flatMap((g) => g.inlinePolicies.map((p) => p.document)),
  ];
}

/** One document with every statement; Sids dropped because merged documents may repeat them. */
function mergeInline(documents: readonly PolicyDocument[]): PolicyDocument | null {
  if (documents.length === 0) return null;
  const statements = documents.flatMap(statementsOf).map(({ Sid: _sid, ...rest }) => rest);
  return { Version: '2012-10-17', Statement: statements };
}
