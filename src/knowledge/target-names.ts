import type { IamUser } from '../inventory/iam-schema.js';
import type { EffectivePolicies } from './effective-policies.js';
import { ADMINISTRATOR_ACCESS_ARN } from './policy/admin-equivalent.js';

/** Identity Center permission set names: 1–32 characters of [\w+=,.@-]. */
const PERMISSION_SET_NAME_MAX = 32;

/**
 * A readable permission set name: AdministratorAccess for administrators, else the IAM groups every
 * member shares (they describe the job), else the policies themselves.
 */
export function permissionSetNameFor(policies: EffectivePolicies, members: readonly IamUser[]): string {
  if (policies.awsManaged.includes(ADMINISTRATOR_ACCESS_ARN)) return 'AdministratorAccess';
  const sharedGroups = members.reduce<string[]>(
    (common, user, index) => (index === 0 ? [...user.groups] : common.filter((g) => user.groups.includes(g))),
    [],
  );
  if (sharedGroups.length > 0) return limit(sharedGroups.sort().map(pascalCase).join(''));
  const policyNames = [
    ...policies.awsManaged.map((arn) => arn.split('/').pop() ?? arn),
    ...policies.customerManaged,
  ];
  if (policyNames.length > 0) return limit(policyNames.slice(0, 2).join('-'));
  if (policies.inline.length > 0) return 'InlinePolicies';
  return 'NoPermissions';
}

/** The user's IAM groups name the team; without groups the permission set does. */
export function groupNameFor(user: IamUser, permissionSetName: string): string {
  const source = user.groups.length > 0 ? [...user.groups].sort().join('-') : permissionSetName;
  return `aws-${kebabCase(source)}`;
}

function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function kebabCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('-')
    .toLowerCase();
}

function limit(name: string): string {
  return name.replace(/[^\w+=,.@-]/g, '').slice(0, PERMISSION_SET_NAME_MAX);
}
