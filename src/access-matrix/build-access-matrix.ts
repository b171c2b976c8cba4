import type { Slice } from '../inventory/collection.js';
import type { IamRole } from '../inventory/iam-roles-schema.js';
import type { IamGroup, IamUser, ManagedPolicy } from '../inventory/iam-schema.js';
import { collectedData, describeGap, isCollected } from '../inventory/slice-reader.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import { classifyUser } from '../knowledge/classify-user.js';
import { buildCrossAccountReach } from '../knowledge/cross-account-reach.js';
import { identityCenterGrants } from '../knowledge/identity-center-access.js';
import { isAdminPermissionSet, policiesAreAdmin, policyLabel } from '../knowledge/policy/admin-equivalent.js';
import { memberOf } from '../knowledge/policy/member-of.js';
import {
  conditionValues,
  isSamlGrant,
  oidcIssuerOf,
  roleKind,
  trustGrants,
} from '../knowledge/role-trust.js';
import type { AccessGap, AccessRow } from './access-matrix-schema.js';
import { applicationRows } from './application-rows.js';
import { withCredentialColumn } from './credential-column.js';

export interface UnfilteredAccess {
  rows: AccessRow[];
  unknown: AccessGap[];
}

/**
 * Who can reach which account, and how: Identity Center assignments (group assignments expanded to one row
 * per member), IAM users, cross-account roles reached from IAM users, and roles behind SAML or OIDC
 * providers. Reads the inventory like the rules do; what was not collected is listed in `unknown`.
 */
export function buildAccessRows(snapshot: Snapshot): UnfilteredAccess {
  const rows: AccessRow[] = [];
  const unknown = eachAccessRow(snapshot, (row) => rows.push(row));
  return { rows: withCredentialColumn(rows, snapshot.accounts, unknown).sort(compareRows), unknown };
}

/**
 * The rows of buildAccessRows one at a time, in the order it makes them, before their credential column and
 * their sort: for a summary that keeps a few rows and counts (an organization of a million IAM users has a
 * row each). Returns what was not collected, as far as the rows tell (the credential column adds its own).
 */
export function eachAccessRow(snapshot: Snapshot, add: (row: AccessRow) => void): AccessGap[] {
  const names = new Map(snapshot.accounts.map((a) => [a.id, a.name]));
  const accountName = (id: string) => names.get(id) ?? '';
  const unknown: AccessGap[] = [];
  const gap = (accountId: string | null, slice: string, s: Slice<unknown>) => {
    const reason = describeGap(s, {
      failed: (error) => `${error.code}: ${error.message}`,
      notCollected: (why) => why,
    });
    if (reason !== null) unknown.push({ accountId, slice, reason });
    return !isCollected(s);
  };

  for (const row of identityCenterRows(snapshot, accountName, gap)) add(row);
  for (const row of applicationRows(snapshot, unknown)) add(row);
  for (const account of snapshot.accounts) {
    if (account.access.status === 'skipped') continue;
    const { users, groups, policies, roles } = account.iam;
    const policyData = collectedData(policies) ?? null;
    if (!gap(account.id, 'iam.users', users) && isCollected(users)) {
      const groupData = collectedData(groups) ?? null;
      if (groupData === null) gap(account.id, 'iam.groups', groups);
      for (const user of users.data) add(iamUserRow(account, user, groupData, policyData));
    }
    if (!gap(account.id, 'iam.roles', roles) && isCollected(roles)) {
      for (const role of roles.data) for (const row of federatedRoleRows(account, role, policyData)) add(row);
    }
  }
  const reach = buildCrossAccountReach(snapshot);
  const usersByArn = new Map(
    snapshot.accounts.flatMap((a) => collectedData(a.iam.users) ?? []).map((u) => [u.arn, u]),
  );
  for (const [userArn, reached] of reach.byUser) {
    const user = usersByArn.get(userArn);
    if (!user) continue;
    const spokePolicies = (id: string) => {
      const s = snapshot.accounts.find((a) => a.id === id)?.iam.policies;
      return (s && collectedData(s)) ?? null;
    };
    for (const r of reached) {
      add({
        principal: user.userName,
        principalKind: kindOf(user),
        accountId: r.accountId,
        accountName: accountName(r.accountId),
        path: 'cross-account-role',
        via: `${user.arn} → ${r.roleArn}`,
        permission: policyLabel(r.role.attachedPolicies, r.role.inlinePolicies),
        adminEquivalent: policiesAreAdmin(
          r.role.attachedPolicies,
          r.role.inlinePolicies,
          spokePolicies(r.accountId),
        ),
      });
    }
  }
  return unknown;
}

function identityCenterRows(
  snapshot: Snapshot,
  accountName: (id: string) => string,
  gap: (accountId: string | null, slice: string, s: Slice<unknown>) => boolean,
): AccessRow[] {
  const { assignments, identityStore, permissionSets, instance } = snapshot.identityCenter;
  if (isCollected(instance) && instance.data === null) return [];
  const missing = [
    gap(null, 'sso.assignments', assignments),
    gap(null, 'sso.identityStore', identityStore),
    gap(null, 'sso.permissionSets', permissionSets),
  ].some(Boolean);
  const expanded = identityCenterGrants(snapshot);
  if (missing || !expanded.known || !isCollected(permissionSets)) return [];
  const sets = new Map(permissionSets.data.map((set) => [set.arn, set]));
  return expanded.grants.map((grant) => {
    const set = sets.get(grant.permissionSetArn);
    return {
      principal: grant.userName,
      principalKind: 'person',
      accountId: grant.accountId,
      accountName: accountName(grant.accountId),
      path: 'identity-center',
      via: grant.groupName ? `group ${grant.groupName}` : 'direct assignment',
      permission: grant.permissionSetName,
      adminEquivalent: set ? isAdminPermissionSet(set) : null,
    };
  });
}

function iamUserRow(
  account: Account,
  user: IamUser,
  groups: readonly IamGroup[] | null,
  policies: readonly ManagedPolicy[] | null,
): AccessRow {
  const userGroups = memberOf(user, groups ?? []);
  const attached = [...user.attachedPolicies, ...userGroups.flatMap((g) => g.attachedPolicies)];
  const inline = [...user.inlinePolicies, ...userGroups.flatMap((g) => g.inlinePolicies)];
  const admin = policiesAreAdmin(attached, inline, policies);
  return {
    principal: user.userName,
    principalKind: kindOf(user),
    accountId: account.id,
    accountName: account.name,
    path: 'iam-user',
    via: user.arn,
    permission: policyLabel(attached, inline),
    // Without the groups, a user that is not admin by its own policies may still be admin through them.
    adminEquivalent: admin === false && groups === null && user.groups.length > 0 ? null : admin,
  };
}

function federatedRoleRows(
  account: Account,
  role: IamRole,
  policies: readonly ManagedPolicy[] | null,
): AccessRow[] {
  if (roleKind(role) !== 'customer') return [];
  const base = {
    accountId: account.id,
    accountName: account.name,
    via: role.arn,
    permission: policyLabel(role.attachedPolicies, role.inlinePolicies),
    adminEquivalent: policiesAreAdmin(role.attachedPolicies, role.inlinePolicies, policies),
  };
  const rows: AccessRow[] = [];
  for (const grant of trustGrants(role)) {
    if (isSamlGrant(grant)) {
      const provider = grant.principal.split(':saml-provider/').pop() ?? grant.principal;
      rows.push({ ...base, principal: `${provider} (SAML)`, principalKind: 'federated', path: 'saml-role' });
      continue;
    }
    const issuer = oidcIssuerOf(grant);
    if (!issuer) continue;
    const subjects = conditionValues(grant, `${issuer}:sub`).flatMap((c) => c.values);
    rows.push({
      ...base,
      principal: `${issuer} ${subjects.length > 0 ? subjects.join(' | ') : '(any subject)'}`,
      principalKind: 'workload',
      path: 'oidc-role',
    });
  }
  return rows;
}

function kindOf(user: IamUser): AccessRow['principalKind'] {
  return classifyUser(user).kind === 'human' ? 'person' : 'workload';
}

const ROW_ORDER = ['principal', 'accountId', 'path', 'via', 'permission'] as const;

// Code-unit order: stable across machines and locales, and fast on hundreds of thousands of rows.
export function compareRows(a: AccessRow, b: AccessRow): number {
  for (const key of ROW_ORDER) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  const [x, y] = [a.application?.name ?? '', b.application?.name ?? ''];
  return x === y ? 0 : x < y ? -1 : 1;
}
