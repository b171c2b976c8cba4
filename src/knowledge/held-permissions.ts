import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import type { AttachedPolicy, InlinePolicy, PolicyDocument } from '../inventory/policy-document.js';
import { listOf, statementsOf } from '../inventory/policy-document.js';
import { globMatch } from './identity-policy-allows.js';
import { ADMINISTRATOR_ACCESS_ARN } from './policy/admin-equivalent.js';

/** Whether a principal's identity policies allow an action (on any resource); Deny is not modelled. */
export type HeldPermissions = (action: string) => boolean;

// AWS managed policies are not in the snapshot. These documents are AWS's published ones, reduced to
// what can only narrow: PowerUserAccess's few IAM exceptions are left out (never wider).
const KNOWN_AWS_MANAGED: Record<string, PolicyDocument> = {
  [ADMINISTRATOR_ACCESS_ARN]: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  },
  'arn:aws:iam::aws:policy/PowerUserAccess': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }],
  },
};

/**
 * What a set of policies allows, or null when one of them is an AWS managed policy keysweep does not
 * know the document of (then nothing can be proven narrower, and no proposal is made).
 */
export function heldByPolicies(
  attached: readonly AttachedPolicy[],
  inline: readonly InlinePolicy[],
  policies: readonly ManagedPolicy[],
): HeldPermissions | null {
  const documents: PolicyDocument[] = inline.map((p) => p.document);
  for (const policy of attached) {
    const document =
      KNOWN_AWS_MANAGED[policy.policyArn] ??
      policies.find((m) => m.arn === policy.policyArn)?.document ??
      null;
    if (!document) return null;
    documents.push(document);
  }
  const statements = documents.flatMap(statementsOf).filter((s) => s.Effect === 'Allow');
  return (action) =>
    statements.some((s) =>
      s.NotAction !== undefined
        ? !listOf(s.NotAction).some((p) => globMatch(p, action, true))
        : listOf(s.Action).some((p) => globMatch(p, action, true)),
    );
}

/** An IAM user's own and its groups' policies. */
export function heldByUser(
  user: IamUser,
  groups: readonly IamGroup[],
  policies: readonly ManagedPolicy[],
): HeldPermissions | null {
  const memberOf = groups.filter((g) => user.groups.includes(g.groupName));
  return heldByPolicies(
    [...user.attachedPolicies, ...memberOf.flatMap((g) => g.attachedPolicies)],
    [...user.inlinePolicies, ...memberOf.flatMap((g) => g.inlinePolicies)],
    policies,
  );
}

/** Held by every one of them: a set assigned to all of them may grant no more than the least of them. */
export function heldByAll(held: readonly HeldPermissions[]): HeldPermissions {
  return (action) => held.length > 0 && held.every((allows) => allows(action));
}
