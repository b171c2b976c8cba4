import type { IamGroup, IamUser } from '../../inventory/iam-schema.js';

/**
 * The IAM groups of the account a user belongs to, in the order of the account's group list (each group
 * once; a group the user names but the inventory lacks is left out, as IAM would grant nothing through it).
 */
export function memberOf(user: Pick<IamUser, 'groups'>, groups: readonly IamGroup[]): IamGroup[] {
  return groups.filter((group) => user.groups.includes(group.groupName));
}
