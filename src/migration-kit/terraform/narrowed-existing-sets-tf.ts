import type { PlanExistingSetNarrowing } from '../existing-set-narrowing.js';
import type { KitPlan } from '../plan-schema.js';
import { block, type HclBlock, type IdentifierFn, ref } from './hcl.js';
import { jsonAsHcl } from './identity-center-tf.js';
import { rightSizingComments } from './right-sizing-comments.js';

const INSTANCE = ref('local.instance_arn');

/**
 * identity-center/narrowed-permission-sets.tf: for each existing permission set the usage evidence
 * narrows, a replacement set beside it (`<name>-Narrowed`, today's session duration capped at the rule's maximum) with the proposal's
 * policy, assigned wherever the old set is assigned, to the same users and groups. Nothing existing is
 * changed or imported: people switch to the narrowed role, and the runbook removes the old assignments
 * once they have; removing this file undoes it.
 */
export function narrowedExistingSetBlocks(plan: KitPlan, id: IdentifierFn): HclBlock[] {
  return (plan.existingSetNarrowing ?? [])
    .filter((n) => n.rightSizing.applied && n.replacementName !== null)
    .flatMap((n) => setBlocks(n, n.replacementName!, id));
}

function setBlocks(n: PlanExistingSetNarrowing, name: string, id: IdentifierFn): HclBlock[] {
  const resource = id('aws_ssoadmin_permission_set', name);
  const psArn = ref(`aws_ssoadmin_permission_set.${resource}.arn`);
  const r = n.rightSizing;
  const blocks: HclBlock[] = [
    block(
      'resource',
      ['aws_ssoadmin_permission_set', resource],
      [
        ['name', name],
        [
          'description',
          `Narrowed replacement of ${n.name} (keysweep, ${r.windowDays}-day usage of its AWSReservedSSO roles)`,
        ],
        ['instance_arn', INSTANCE],
        ['session_duration', n.replacementSessionDuration],
      ],
      {
        comments: [
          `replacement for the existing permission set ${n.name} (left unchanged): same assignments, narrower policy`,
          ...(n.replacementSessionDuration !== n.sessionDuration
            ? [
                `session ${n.replacementSessionDuration}, shorter than ${n.name}'s ${n.sessionDuration} (rule sso-session-duration-too-long)`,
              ]
            : []),
          ...rightSizingComments({ rightSizing: r }),
        ],
      },
    ),
  ];
  if (r.managedPolicyArn)
    blocks.push(
      block(
        'resource',
        [
          'aws_ssoadmin_managed_policy_attachment',
          id('aws_ssoadmin_managed_policy_attachment', name, 'narrowed'),
        ],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', psArn],
          ['managed_policy_arn', r.managedPolicyArn],
        ],
      ),
    );
  if (r.inlinePolicy)
    blocks.push(
      block(
        'resource',
        ['aws_ssoadmin_permission_set_inline_policy', id('aws_ssoadmin_permission_set_inline_policy', name)],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', psArn],
          ['inline_policy', ref(`jsonencode(${jsonAsHcl(r.inlinePolicy)})`)],
        ],
      ),
    );
  for (const a of n.assignments)
    blocks.push(
      block(
        'resource',
        [
          'aws_ssoadmin_account_assignment',
          id('aws_ssoadmin_account_assignment', name, a.principalType, a.principalId, a.accountId),
        ],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', psArn],
          ['principal_type', a.principalType],
          ['principal_id', a.principalId],
          ['target_type', 'AWS_ACCOUNT'],
          ['target_id', a.accountId],
        ],
        {
          comments: [
            `mirrors ${n.name}'s assignment to ${a.principalType} ${a.principalId} on ${a.accountId}`,
          ],
        },
      ),
    );
  return blocks;
}
