import type { IamRole } from '../inventory/iam-roles-schema.js';
import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { collectedData, type DerivationInput, defineDerivation } from './derivation.js';
import { runDerivation } from './derivation-runner.js';
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

interface Hub {
  users: IamUser[];
  groups: IamGroup[];
  policies: ManagedPolicy[];
}

const CROSS_ACCOUNT_REACH_SLICES = ['iam.users', 'iam.groups', 'iam.policies', 'iam.roles'] as const;
type CrossAccountReachSlice = (typeof CROSS_ACCOUNT_REACH_SLICES)[number];

/**
 * Hub-and-spoke access: IAM users in one account of the organization assuming roles in the others. Only
 * hand-made roles count (Identity Center and service-linked roles cannot be assumed this way). Accounts
 * whose roles were not collected are listed in `rolesUnknownIn` (unknown, never "reaches nothing").
 */
export const CROSS_ACCOUNT_REACH = defineDerivation({
  id: 'cross-account-reach',
  reads: CROSS_ACCOUNT_REACH_SLICES,
  derive: deriveCrossAccountReach,
});

/** The reach for a whole snapshot, outside a rule evaluation (access matrix, bench, tests). */
export function buildCrossAccountReach(snapshot: Snapshot): CrossAccountReach {
  return runDerivation(snapshot, CROSS_ACCOUNT_REACH);
}

function deriveCrossAccountReach(input: DerivationInput<CrossAccountReachSlice>): CrossAccountReach {
  const hubs = new Map<string, Hub>();
  for (const { account, slice } of input.accounts) {
    const users = collectedData(slice('iam.users'));
    if (!users) continue;
    hubs.set(account.id, {
      users,
      groups: collectedData(slice('iam.groups')) ?? [],
      policies: collectedData(slice('iam.policies')) ?? [],
    });
  }
  const matchers = new Map<IamUser, (action: string, resource: string) => boolean>();
  const allows = (user: IamUser, hub: Hub, roleArn: string) => {
    let matcher = matchers.get(user);
    if (!matcher) {
      matcher = identityPolicyMatcher(user, hub.groups, hub.policies);
      matchers.set(user, matcher);
    }
    return matcher('sts:AssumeRole', roleArn);
  };
  const byUser = new Map<string, RoleReach[]>();
  const rolesUnknownIn: string[] = [];
  for (const { account, slice } of input.accounts) {
    if (account.access.status === 'skipped') continue;
    const roles = collectedData(slice('iam.roles'));
    if (!roles) {
      rolesUnknownIn.push(account.id);
      continue;
    }
    for (const role of roles) {
      if (roleKind(role) !== 'customer') continue;
      // A role trusted through several statements is reached once per user.
      const reached = new Map<IamUser, RoleReach['trust']>();
      for (const grant of trustGrants(role)) {
        if (grant.kind !== 'aws' || !grantAllows(grant, 'sts:AssumeRole')) continue;
        const hub = grant.accountId ? hubs.get(grant.accountId) : undefined;
        if (!hub || grant.accountId === account.id) continue;
        if (grant.principal.includes(':user/')) {
          const named = hub.users.find((user) => user.arn === grant.principal);
          if (named && !reached.has(named)) reached.set(named, 'user');
          continue;
        }
        if (!isAccountPrincipal(grant.principal)) continue;
        for (const user of hub.users) {
          if (!reached.has(user) && allows(user, hub, role.arn)) reached.set(user, 'account');
        }
      }
      for (const [user, trust] of reached) {
        const entry = { accountId: account.id, roleArn: role.arn, roleName: role.roleName, trust, role };
        const list = byUser.get(user.arn);
        if (list) list.push(entry);
        else byUser.set(user.arn, [entry]);
      }
    }
  }
  // Plain code-unit order: ids and role names are ASCII, and localeCompare is slow on large lists.
  for (const list of byUser.values())
    list.sort((a, b) => compare(a.accountId, b.accountId) || compare(a.roleName, b.roleName));
  return { byUser, rolesUnknownIn };
}

function isAccountPrincipal(principal: string): boolean {
  return /^\d{12}$/.test(principal) || /^arn:[^:]+:iam::\d{12}:root$/.test(principal);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
