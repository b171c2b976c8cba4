import { z } from 'zod';
import {
  type PolicyDocument,
  policyDocumentProblem,
  policyDocumentSchema,
} from '../inventory/policy-document.js';
import { InputError } from '../io/input-error.js';
import {
  type DeclarationSource,
  type DeclaredDocument,
  type DeclaredPermissionSet,
  emptyDocument,
} from './desired-state-model.js';

/** One managed resource instance, whichever Terraform JSON it came from. */
export interface TerraformResource {
  /** Terraform address, e.g. module.sso.aws_ssoadmin_account_assignment.this["admins-prod"]. */
  address: string;
  type: string;
  attributes: Record<string, unknown>;
}

const str = z.string().min(1);
const optionalStr = z.string().nullish();

// Only the attributes keysweep compares; anything else in the state is ignored.
const ATTRIBUTE_SCHEMAS = {
  aws_ssoadmin_permission_set: z.looseObject({
    arn: str,
    name: str,
    description: optionalStr,
    session_duration: optionalStr,
  }),
  aws_ssoadmin_managed_policy_attachment: z.looseObject({ permission_set_arn: str, managed_policy_arn: str }),
  aws_ssoadmin_customer_managed_policy_attachment: z.looseObject({
    permission_set_arn: str,
    customer_managed_policy_reference: z
      .array(z.looseObject({ name: str, path: optionalStr }))
      .min(1, 'must have one reference'),
  }),
  aws_ssoadmin_permission_set_inline_policy: z.looseObject({ permission_set_arn: str, inline_policy: str }),
  aws_ssoadmin_permissions_boundary_attachment: z.looseObject({
    permission_set_arn: str,
    permissions_boundary: z
      .array(
        z.looseObject({
          managed_policy_arn: optionalStr,
          customer_managed_policy_reference: z
            .array(z.looseObject({ name: str, path: optionalStr }))
            .nullish(),
        }),
      )
      .min(1, 'must have one boundary'),
  }),
  aws_ssoadmin_account_assignment: z.looseObject({
    permission_set_arn: str,
    principal_id: str,
    principal_type: z.enum(['USER', 'GROUP']),
    target_id: str,
    target_type: z.literal('AWS_ACCOUNT').nullish(),
  }),
  aws_identitystore_group: z.looseObject({ group_id: str, display_name: str, description: optionalStr }),
  aws_identitystore_user: z.looseObject({ user_id: str, user_name: str, display_name: optionalStr }),
  aws_identitystore_group_membership: z.looseObject({ group_id: str, member_id: str }),
} as const;
type KnownType = keyof typeof ATTRIBUTE_SCHEMAS;
type Attributes<T extends KnownType> = z.infer<(typeof ATTRIBUTE_SCHEMAS)[T]>;

function isKnown(type: string): type is KnownType {
  return Object.hasOwn(ATTRIBUTE_SCHEMAS, type);
}

function parseAttributes<T extends KnownType>(
  file: string,
  resource: TerraformResource,
  type: T,
): Attributes<T> {
  const result = ATTRIBUTE_SCHEMAS[type].safeParse(resource.attributes);
  if (result.success) return result.data as Attributes<T>;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(attributes)';
  throw new InputError(`${file}: ${resource.address}: ${field}: ${issue?.message ?? 'invalid'}`);
}

/** Builds the declared document from the managed resources of a state or `terraform show -json`. */
export function documentFromTerraform(
  file: string,
  format: 'terraform-state' | 'terraform-show-json',
  resources: TerraformResource[],
): DeclaredDocument {
  const doc = emptyDocument(file, format);
  const sets = new Map<string, DeclaredPermissionSet>();
  const setFor = (arn: string, source: DeclarationSource): DeclaredPermissionSet => {
    let set = sets.get(arn);
    if (!set) {
      set = { source, arn, name: null };
      sets.set(arn, set);
    }
    return set;
  };
  let hasMemberships = false;
  const known = resources.filter((r): r is TerraformResource & { type: KnownType } => isKnown(r.type));
  // Sets first, so attachments find them whatever order the state lists resources in.
  for (const r of known.filter((r) => r.type === 'aws_ssoadmin_permission_set')) {
    const a = parseAttributes(file, r, 'aws_ssoadmin_permission_set');
    const set = setFor(a.arn, { file, entry: r.address });
    Object.assign(set, {
      source: { file, entry: r.address },
      name: a.name,
      description: a.description || null,
      // Identity Center's default, which the provider also applies.
      sessionDuration: a.session_duration || 'PT1H',
      managedPolicyArns: set.managedPolicyArns ?? [],
      customerManagedPolicies: set.customerManagedPolicies ?? [],
      inlinePolicy: set.inlinePolicy ?? null,
      permissionsBoundary: set.permissionsBoundary ?? null,
    });
  }
  for (const r of known) {
    const source = { file, entry: r.address };
    switch (r.type) {
      case 'aws_ssoadmin_managed_policy_attachment': {
        const a = parseAttributes(file, r, r.type);
        const set = setFor(a.permission_set_arn, source);
        set.managedPolicyArns = [...(set.managedPolicyArns ?? []), a.managed_policy_arn];
        break;
      }
      case 'aws_ssoadmin_customer_managed_policy_attachment': {
        const a = parseAttributes(file, r, r.type);
        const set = setFor(a.permission_set_arn, source);
        const refs = a.customer_managed_policy_reference.map((p) => ({ name: p.name, path: p.path || '/' }));
        set.customerManagedPolicies = [...(set.customerManagedPolicies ?? []), ...refs];
        break;
      }
      case 'aws_ssoadmin_permission_set_inline_policy': {
        const a = parseAttributes(file, r, r.type);
        setFor(a.permission_set_arn, source).inlinePolicy = parsePolicy(file, r.address, a.inline_policy);
        break;
      }
      case 'aws_ssoadmin_permissions_boundary_attachment': {
        const a = parseAttributes(file, r, r.type);
        const boundary = a.permissions_boundary[0];
        const customer = boundary?.customer_managed_policy_reference?.[0];
        setFor(a.permission_set_arn, source).permissionsBoundary = {
          managedPolicyArn: boundary?.managed_policy_arn || null,
          customerManagedPolicy: customer ? { name: customer.name, path: customer.path || '/' } : null,
        };
        break;
      }
      case 'aws_ssoadmin_account_assignment': {
        const a = parseAttributes(file, r, r.type);
        doc.assignments.push({
          source,
          permissionSet: { arn: a.permission_set_arn },
          principalType: a.principal_type,
          principal: { id: a.principal_id },
          targets: [{ kind: 'account-id', value: a.target_id }],
        });
        break;
      }
      case 'aws_identitystore_group': {
        const a = parseAttributes(file, r, r.type);
        doc.groups.push({
          source,
          group: { id: a.group_id },
          displayName: a.display_name,
          description: a.description || null,
        });
        break;
      }
      case 'aws_identitystore_user': {
        const a = parseAttributes(file, r, r.type);
        doc.users.push({
          source,
          user: { id: a.user_id },
          userName: a.user_name,
          displayName: a.display_name || null,
        });
        break;
      }
      case 'aws_identitystore_group_membership': {
        const a = parseAttributes(file, r, r.type);
        hasMemberships = true;
        doc.memberships.push({ source, group: { id: a.group_id }, user: { id: a.member_id } });
        break;
      }
      default:
        break;
    }
  }
  doc.permissionSets = [...sets.values()];
  if (hasMemberships) {
    // Membership resources present: the state manages membership of every group it declares or fills.
    const ids = new Set([
      ...doc.groups.map((g) => ('id' in g.group ? g.group.id : '')),
      ...doc.memberships.map((m) => ('id' in m.group ? m.group.id : '')),
    ]);
    doc.membershipDeclaredForGroups = [...ids].filter(Boolean).map((id) => ({ id }));
  }
  return doc;
}

function parsePolicy(file: string, address: string, json: string): PolicyDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new InputError(`${file}: ${address}: inline_policy: not valid JSON`);
  }
  const result = policyDocumentSchema.safeParse(parsed);
  if (!result.success)
    throw new InputError(`${file}: ${address}: inline_policy: ${policyDocumentProblem(result.error)}`);
  return result.data;
}
