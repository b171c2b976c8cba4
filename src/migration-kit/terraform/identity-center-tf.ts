import { hclString } from '../../io/text/hcl-text.js';
import type { KitPlan, PlanPermissionSet } from '../plan-schema.js';
import {
  block,
  type HclBlock,
  type HclValue,
  type IdentifierFn,
  inModule,
  keyed,
  ref,
  renderFile,
} from './hcl.js';
import { identityCenterHeader, peopleBlocks } from './identity-center-people-tf.js';
import { narrowedExistingSetBlocks } from './narrowed-existing-sets-tf.js';
import { rightSizingComments } from './right-sizing-comments.js';

const INSTANCE = ref('local.instance_arn');

/**
 * identity-center/*.tf: groups (or data lookups with an external IdP), users and memberships (Identity
 * Center directory only), permission sets with their policies, and group assignments. Objects the scan
 * found get `import {}` blocks with the provider's import ids instead of duplicates.
 */
export function renderIdentityCenterTerraform(plan: KitPlan): Array<{ path: string; content: string }> {
  return inModule((id) => identityCenterFiles(plan, id));
}

function identityCenterFiles(plan: KitPlan, id: IdentifierFn): Array<{ path: string; content: string }> {
  const header = identityCenterHeader(plan);
  const { groups, users, memberships } = peopleBlocks(plan, id);
  const files = [
    { path: 'identity-center/main.tf', content: renderFile(header, mainBlocks(plan)) },
    { path: 'identity-center/groups.tf', content: renderFile(header, groups) },
    {
      path: 'identity-center/permission-sets.tf',
      content: renderFile(
        header,
        plan.permissionSets.flatMap((s) => permissionSetBlocks(s, plan, id)),
      ),
    },
    {
      path: 'identity-center/account-assignments.tf',
      content: renderFile(header, assignmentBlocks(plan, id)),
    },
  ];
  const narrowed = narrowedExistingSetBlocks(plan, id);
  if (narrowed.length > 0)
    files.push({
      path: 'identity-center/narrowed-permission-sets.tf',
      content: renderFile(header, narrowed),
    });
  if (plan.identityCenter.idp === 'identity-center') {
    files.push({ path: 'identity-center/users.tf', content: renderFile(header, users) });
    files.push({ path: 'identity-center/group-memberships.tf', content: renderFile(header, memberships) });
  }
  return files;
}

function mainBlocks(plan: KitPlan): HclBlock[] {
  return [
    ...terraformSettings(),
    block(
      'variable',
      ['identity_center_region'],
      [
        ['type', ref('string')],
        ['description', 'Region of the IAM Identity Center instance (its home region)'],
        ...(plan.identityCenter.region ? [['default', plan.identityCenter.region] as [string, string]] : []),
      ],
    ),
    block('provider', ['aws'], [['region', ref('var.identity_center_region')]], {
      comments: [
        'Credentials: the management account or the delegated administrator of IAM Identity Center.',
      ],
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

/**
 * Terraform 1.5 for `import {}` blocks. AWS provider 5.81.0 made `thumbprint_list` of
 * `aws_iam_openid_connect_provider` optional (the kit omits it: AWS verifies GitHub's and GitLab's
 * issuers with its own CA library); every other resource and argument the kit writes exists since 5.0
 * and is unchanged in 6.x, so the range is both majors and no further.
 */
export const AWS_PROVIDER_VERSION = '>= 5.81.0, < 7.0.0';

export function terraformSettings(): HclBlock[] {
  return [
    block('terraform', [], [['required_version', '>= 1.5.0']], {
      comments: [
        `import {} blocks need Terraform 1.5 or later; aws provider ${AWS_PROVIDER_VERSION} (see docs/migration.md)`,
      ],
      blocks: [
        block(
          'required_providers',
          [],
          [['aws', { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION }]],
        ),
      ],
    }),
  ];
}

/** On every object the kit imports: `terraform destroy` must never remove what existed before the kit. */
export const PREVENT_DESTROY = block('lifecycle', [], [['prevent_destroy', true]]);

export const permissionSetRef = (id: IdentifierFn, name: string) =>
  `aws_ssoadmin_permission_set.${id('aws_ssoadmin_permission_set', name)}`;

export function importBlock(to: string, importId: string): HclBlock {
  return block(
    'import',
    [],
    [
      ['to', ref(to)],
      ['id', importId],
    ],
  );
}

function permissionSetBlocks(set: PlanPermissionSet, plan: KitPlan, id: IdentifierFn): HclBlock[] {
  const name = id('aws_ssoadmin_permission_set', set.name);
  const psArn = ref(`${permissionSetRef(id, set.name)}.arn`);
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
    ...rightSizingComments(set),
  ];
  const attributes: Array<[string, HclValue]> = [
    ['name', set.name],
    ['instance_arn', INSTANCE],
    ['session_duration', set.sessionDuration],
  ];
  if (set.description) attributes.splice(1, 0, ['description', set.description]);
  // Carried from the existing set so that the first plan after the import changes nothing on it.
  if (set.relayState) attributes.push(['relay_state', set.relayState]);
  if (set.tags && Object.keys(set.tags).length > 0) attributes.push(['tags', set.tags]);
  if (imports && set.tags === null)
    comments.push(
      'its tags (and maybe relay state) were not collected: check that `terraform plan` changes nothing on it before applying',
    );
  const lifecycle = imports ? { blocks: [PREVENT_DESTROY] } : {};
  blocks.push(
    block('resource', ['aws_ssoadmin_permission_set', name], attributes, { comments, ...lifecycle }),
  );
  if (imports) blocks.push(importBlock(permissionSetRef(id, set.name), `${set.arn},${instanceArn}`));
  for (const policyArn of set.awsManagedPolicies) {
    const resource = id(
      'aws_ssoadmin_managed_policy_attachment',
      set.name,
      keyed(policyArn.split('/').pop() ?? policyArn, policyArn),
    );
    blocks.push(
      block(
        'resource',
        ['aws_ssoadmin_managed_policy_attachment', resource],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', psArn],
          ['managed_policy_arn', policyArn],
        ],
        lifecycle,
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
    const resource = id('aws_ssoadmin_customer_managed_policy_attachment', set.name, 'customer', policyName);
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
            ...(imports ? [PREVENT_DESTROY] : []),
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
        [
          'aws_ssoadmin_permission_set_inline_policy',
          id('aws_ssoadmin_permission_set_inline_policy', set.name),
        ],
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

function assignmentBlocks(plan: KitPlan, id: IdentifierFn): HclBlock[] {
  const instanceArn = plan.identityCenter.instanceArn;
  const groupIds = new Map(plan.groups.map((g) => [g.displayName, g.groupId]));
  const setArns = new Map(plan.permissionSets.map((s) => [s.name, s.arn]));
  return plan.assignments.flatMap((a) => {
    const resource = id('aws_ssoadmin_account_assignment', a.group, a.permissionSet, a.accountId);
    const groupRef =
      plan.identityCenter.idp === 'external'
        ? `data.aws_identitystore_group.${id('data.aws_identitystore_group', a.group)}`
        : `aws_identitystore_group.${id('aws_identitystore_group', a.group)}`;
    const imported =
      a.exists === true && groupIds.get(a.group) && setArns.get(a.permissionSet) && instanceArn;
    const blocks = [
      block(
        'resource',
        ['aws_ssoadmin_account_assignment', resource],
        [
          ['instance_arn', INSTANCE],
          ['permission_set_arn', ref(`${permissionSetRef(id, a.permissionSet)}.arn`)],
          ['principal_type', 'GROUP'],
          ['principal_id', ref(`${groupRef}.group_id`)],
          ['target_type', 'AWS_ACCOUNT'],
          ['target_id', a.accountId],
        ],
        {
          comments: [
            `${a.group} → ${a.permissionSet} on ${a.accountName} (${a.accountId})${a.exists ? ', exists: imported' : a.exists === null ? ', UNKNOWN whether it exists (not collected): check before applying' : ''}`,
          ],
          ...(imported ? { blocks: [PREVENT_DESTROY] } : {}),
        },
      ),
    ];
    const groupId = groupIds.get(a.group);
    const psArn = setArns.get(a.permissionSet);
    if (imported && groupId && psArn)
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
    return `{\n${entries.map(([k, v]) => `${inner}${hclString(k)} = ${jsonAsHcl(v, inner)}`).join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return hclString(value);
  return JSON.stringify(value);
}
