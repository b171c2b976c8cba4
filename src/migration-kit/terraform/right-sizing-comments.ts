import type { PlanPermissionSet } from '../plan-schema.js';

/**
 * The comments on a permission set the kit right-sized (issue 23): what it replaced, the evidence, and
 * every action kept only for review (untracked by last accessed data, iam:PassRole), so that a reviewer
 * of the Terraform sees them without opening plan.json. Empty when the set carries today's policies.
 */
export function rightSizingComments(set: Pick<PlanPermissionSet, 'rightSizing'>): string[] {
  const r = set.rightSizing;
  if (!r?.applied || !r.replaced) return [];
  const today = [
    ...r.replaced.awsManagedPolicies,
    ...r.replaced.customerManagedPolicies.map((n) => `customer managed ${n}`),
    ...(r.replaced.inlinePolicy ? ['an inline policy'] : []),
  ];
  const comments = [
    `RIGHT-SIZED from ${r.windowDays}-day usage evidence (${r.sources.join(', ')}): replaces ${today.join(', ') || 'nothing'}; used: ${r.services.map((s) => s.namespace).join(', ')}`,
    `removed (unused in the window): ${r.removedServices.join(', ') || 'unused actions only'}`,
    'keysweep plan --no-right-size writes no right-sized policy: today’s policies stay (see docs/right-sizing.md)',
  ];
  if (r.managedPolicyArn)
    comments.push(
      `coverage checked against ${r.managedPolicyArn} version ${r.managedPolicyVersion ?? 'unknown'}: Terraform attaches AWS's current version; compare with aws iam get-policy-version before applying`,
    );
  for (const statement of r.statements)
    if (statement.confidence === 'review')
      comments.push(
        `REVIEW statement ${statement.sid}: ${statement.actions.length} action(s) last accessed data does not track, kept so nothing breaks; confirm or remove: ${statement.actions.join(', ')}`,
      );
  return comments;
}
