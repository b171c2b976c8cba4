import type { KitPlan, PlanPermissionSet } from '../plan-schema.js';
import { block, type HclBlock, ref, renderFile, tfName } from './hcl.js';
import { identityCenterHeader, peopleBlocks } from './identity-center-people-tf.js';

const INSTANCE = ref('local.instance_arn');

/**
 * identity-center/*.tf: groups (or data lookups with an external IdP), users and memberships (Identity
 * Center directory only), permission sets with their policies, and group assignments. Objects the scan
 * found get `import {}` blocks with the provider's import ids instead of duplicates.
 */
export function renderIdentityCenterTerraform(plan: KitPlan): Array<{ path: string; content: string }> {
  const header = identityCenterHeader(plan);
  const { groups, users, memberships } = peopleBlocks(plan);
  const files = [
    { path: 'identity-center/main.tf', content: renderFile(header, mainBlocks()) },
    { path: 'identity-center/groups.tf', content: renderFile(header, groups) },
    {
      path: 'identity-center/permission-sets.tf',
      content: renderFile(
        header,
        plan.permissionSets.flatMap((s) => permissionSetBlocks(s, plan)),
      ),
    },
    { path: 'identity-center/account-assignments.tf', content: renderFile(header, assignmentBlocks(plan)) },
  ];
  if (plan.identityCenter.idp === 'identity-center') {
    files.push({ path: 'identity-center/users.tf', content: renderFile(header, users) });
    files.push({ path: 'identity-center/group-memberships.tf', content: renderFile(header, memberships) });
  }
  return files;
}

function mainBlocks(): HclBlock[] {
  return [
    block('terraform', [], [['required_version', '>= 1.5.0']], {
      comments: ['import {} blocks need Terraform 1.5 or later'],
      blocks: [block('required_providers', [], [['aws', { source: 'hashicorp/aws', version: '>= 5.0' }]])],
    }),
    block('data', ['aws_ssoadmin_instances', 'this'], []),
    block(
      'locals',
      [],
      [
        ['instance_arn', ref('tolist(data.aws_ssoadmin_instances.this.arns)[0]')],
        ['identity_store_id', ref('tolist(data.aws_ssoadmin_instances.this.identity_store_ids)[0]')],
      ],
    ),
  ];
}

export const permissionSetRef = (name: string) => `aws_ssoadmin_permission_set.${tfName(name)}`;

function importBlock(to: string, id: string): HclBlock {
  return block(
    'import',
    [],
    [
      ['to', ref(to)],
      ['id', id],
    ],
  );
}

function permissionSetBlocks(set: PlanPermissionSet, plan: KitPlan): HclBlock[] {
  const name = tfName(set.name);
  const psArn = ref(`${permissionSetRef(set.name)}.arn`);
  const instanceArn = plan.identityCenter.instanceArn;
  const imports = set.exists && set.arn !== null && instanceArn !== null;
  const blocks: HclBlock[] = [];
  const comments = [
    set.exists
      ? `existing permission set ${set.name}: imported, not duplicated`
      : set.exists === null
        ? `UNKNOWN whether permission set ${set.name} (or one with the same policies) already exists: Identity Center's permission sets were not collected; check before applying`
        : `new permission set ${set.name}`,
    ...set.warnings.map((w) => `WARNING: ${w}`),
  ];
  const attributes: Array<[string, string | ReturnType<typeof ref>]> = [
    ['name', set.name],
    ['instance_arn', INSTANCE],
    ['session_duration', set.sessionDuration],
  ];
  if (set.description) attributes.splice(1, 0, ['description', set.description]);
  blocks.push(block('resource', ['aws_ssoadmin_permission_set', name], attributes, { comments }));
  if (imports) blocks.push(importBlock(permissionSetRef(set.name), `${set.arn},${instanceArn}`));
  for (const policyArn of set.awsManagedPolicies) {
    const resource = tfName(set.name, policyArn.split('/').pop() ?? policyArn);
    blocks.push(
      block(
        'resource',
        ['aws_ssoadmin_managed_policy_attachment', resource],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', psArn],
          ['managed_policy_arn', policyArn],
        ],
      ),
    );
    if (imports)
      blocks.push(
        importBlock(
          `aws_ssoadmin_managed_policy_attachment.${resource}`,
          `${policyArn},${set.arn},${instanceArn}`,
        ),
      );
  }
  for (const policyName of set.customerManagedPolicies) {
    const resource = tfName(set.name, 'customer', policyName);
    blocks.push(
      block(
        'resource',
        ['aws_ssoadmin_customer_managed_policy_attachment', resource],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', psArn],
        ],
        {
          comments: ['the policy must exist with this name in every account the set is assigned to'],
          blocks: [
            block(
              'customer_managed_policy_reference',
              [],
              [
                ['name', policyName],
                ['path', '/'],
              ],
            ),
          ],
        },
      ),
    );
    if (imports)
      blocks.push(
        importBlock(
          `aws_ssoadmin_customer_managed_policy_attachment.${resource}`,
          `${policyName},/,${set.arn},${instanceArn}`,
        ),
      );
  }
  if (set.inlinePolicy && !set.exists) {
    blocks.push(
      block(
        'resource',
        ['aws_ssoadmin_permission_set_inline_policy', name],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', psArn],
          ['inline_policy', ref(`jsonencode(${jsonAsHcl(set.inlinePolicy)})`)],
        ],
      ),
    );
  }
  return blocks;
}

function assignmentBlocks(plan: KitPlan): HclBlock[] {
  const instanceArn = plan.identityCenter.instanceArn;
  const groupIds = new Map(plan.groups.map((g) => [g.displayName, g.groupId]));
  const setArns = new Map(plan.permissionSets.map((s) => [s.name, s.arn]));
  return plan.assignments.flatMap((a) => {
    const resource = tfName(a.group, a.permissionSet, a.accountId);
    const groupRef =
      plan.identityCenter.idp === 'external'
        ? `data.aws_identitystore_group.${tfName(a.group)}`
        : `aws_identitystore_group.${tfName(a.group)}`;
    const blocks = [
      block(
        'resource',
        ['aws_ssoadmin_account_assignment', resource],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', ref(`${permissionSetRef(a.permissionSet)}.arn`)],
          ['principal_type', 'GROUP'],
          ['principal_id', ref(`${groupRef}.group_id`)],
          ['target_type', 'AWS_ACCOUNT'],
          ['target_id', a.accountId],
        ],
        {
          comments: [
            `${a.group} → ${a.permissionSet} on ${a.accountName} (${a.accountId})${a.exists ? ', exists: imported' : a.exists === null ? ', UNKNOWN whether it exists (not collected): check before applying' : ''}`,
          ],
        },
      ),
    ];
    const groupId = groupIds.get(a.group);
    const psArn = setArns.get(a.permissionSet);
    if (a.exists && groupId && psArn && instanceArn)
      blocks.push(
        importBlock(
          `aws_ssoadmin_account_assignment.${resource}`,
          `${groupId},GROUP,${a.accountId},AWS_ACCOUNT,${psArn},${instanceArn}`,
        ),
      );
    return blocks;
  });
}

/** A JSON value as an HCL object expression, for jsonencode(): readable policies in review. */
export function jsonAsHcl(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${jsonAsHcl(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k).replace(/\$\{/g, () => '$${')} = ${jsonAsHcl(v, inner)}`).join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string')
    return JSON.stringify(value)
      .replace(/\$\{/g, () => '$${')
      .replace(/%\{/g, '%%{');
  return JSON.stringify(value);
}
