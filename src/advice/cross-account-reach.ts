import type { IamRole } from '../inventory/iam-roles-schema.js';
import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { identityPolicyMatcher } from './identity-policy-allows.js';
import { grantAllows, roleKind, trustGrants } from './role-trust.js';

/** A role in another account of the organization that an IAM user can assume. */
export interface RoleReach {
  accountId: string;
  roleArn: string;
  roleName: string;
  /** user: the trust policy names the user; account: it trusts the user's account and the user's policies allow it. */
  trust: 'user' | 'account';
  role: IamRole;
}

export interface CrossAccountReach {
  /** By IAM user ARN, in account then role order. */
  byUser: Map<string, RoleReach[]>;
  /** Accounts whose roles were not collected: what users reach there is unknown. */
  rolesUnknownIn: string[];
}

export const CROSS_ACCOUNT_REACH_KEY = 'advice.cross-account-reach';

interface Hub {
  users: IamUser[];
  groups: IamGroup[];
  policies: ManagedPolicy[];
}

/**
 * Hub-and-spoke access: IAM users in one account of the organization assuming roles in the others. Only
 * hand-made roles count (Identity Center and service-linked roles cannot be assumed this way).
 */
export function buildCrossAccountReach(snapshot: Snapshot): CrossAccountReach {
  const hubs = new Map<string, Hub>();
  for (const account of snapshot.accounts) {
    const { users, groups, policies } = account.iam;
    if (users.status !== 'ok') continue;
    hubs.set(account.id, {
      users: users.data,
      groups: groups.status === 'ok' ? groups.data : [],
      policies: policies.status === 'ok' ? policies.data : [],
    });
  }
  const matchers = new Map<string, (action: string, resource: string) => boolean>();
  const allows = (user: IamUser, hub: Hub, roleArn: string) => {
    let matcher = matchers.get(user.arn);
    if (!matcher) {
      matcher = identityPolicyMatcher(user, hub.groups, hub.policies);
      matchers.set(user.arn, matcher);
    }
    return matcher('sts:AssumeRole', roleArn);
  };
  const byUser = new Map<string, RoleReach[]>();
  const rolesUnknownIn: string[] = [];
  for (const account of snapshot.accounts) {
    if (account.access.status === 'skipped') continue;
    if (account.iam.roles.status !== 'ok') {
      rolesUnknownIn.push(account.id);
      continue;
    }
    for (const role of account.iam.roles.data) {
      if (roleKind(role) !== 'customer') continue;
      for (const grant of trustGrants(role)) {
        if (grant.kind !== 'aws' || !grantAllows(grant, 'sts:AssumeRole')) continue;
        const hubId = grant.accountId;
        const hub = hubId ? hubs.get(hubId) : undefined;
        if (!hub || hubId === account.id) continue;
        const namesUser = grant.principal.includes(':user/');
        for (const user of hub.users) {
          const reaches = namesUser
            ? grant.principal === user.arn
            : isAccountPrincipal(grant.principal) && allows(user, hub, role.arn);
          if (!reaches) continue;
          const list = byUser.get(user.arn) ?? [];
          if (!list.some((r) => r.roleArn === role.arn))
            list.push({
              accountId: account.id,
              roleArn: role.arn,
              roleName: role.roleName,
              trust: namesUser ? 'user' : 'account',
              role,
            });
          byUser.set(user.arn, list);
        }
      }
    }
  }
  for (const list of byUser.values())
    list.sort((a, b) => a.accountId.localeCompare(b.accountId) || a.roleName.localeCompare(b.roleName));
  return { byUser, rolesUnknownIn };
}

function isAccountPrincipal(principal: string): boolean {
  return /^\d{12}$/.test(principal) || /^arn:[^:]+:iam::\d{12}:root$/.test(principal);
}
