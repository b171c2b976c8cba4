import type { IamUser } from '../inventory/iam-schema.js';
import type { AccountAssignment, IdentityStore, PermissionSet } from '../inventory/identity-center-schema.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { collectedData, defineDerivation, sliceGap } from './derivation.js';
import { runDerivation } from './derivation-runner.js';
import { identityStoreReach } from './identity-store-reach.js';

type StoreUser = IdentityStore['users'][number];

/** One person's access to one account through Identity Center, group assignments expanded to members. */
export interface IdentityCenterGrant {
  accountId: string;
  permissionSetArn: string;
  /** The permission set's name; its ARN when the set was not found. */
  permissionSetName: string;
  userId: string;
  userName: string;
  /** The group the access comes through; null for a direct user assignment. */
  groupName: string | null;
}

export function expandAssignments(
  assignments: readonly AccountAssignment[],
  store: IdentityStore,
  permissionSets: readonly PermissionSet[],
): IdentityCenterGrant[] {
  const reach = identityStoreReach(store);
  const setNames = new Map(permissionSets.map((s) => [s.arn, s.name]));
  const grants: IdentityCenterGrant[] = [];
  for (const assignment of assignments) {
    const base = {
      accountId: assignment.accountId,
      permissionSetArn: assignment.permissionSetArn,
      permissionSetName: setNames.get(assignment.permissionSetArn) ?? assignment.permissionSetArn,
    };
    for (const user of reach(assignment)) grants.push({ ...base, ...user });
  }
  return grants;
}

/** Every grant of the organization, or why they are unknown (a slice was not collected). */
export type IdentityCenterGrants =
  | { known: true; grants: IdentityCenterGrant[] }
  | { known: false; gap: string };

/**
 * Identity Center access of every person, group assignments expanded to members. Unknown (with the
 * gap) when assignments, the identity store or the permission sets were not collected.
 */
export const IDENTITY_CENTER_GRANTS = defineDerivation({
  id: 'identity-center-grants',
  reads: ['sso.assignments', 'sso.identityStore', 'sso.permissionSets'],
  derive(input): IdentityCenterGrants {
    const assignments = input.slice('sso.assignments');
    const store = input.slice('sso.identityStore');
    const sets = input.slice('sso.permissionSets');
    const [a, st, ps] = [collectedData(assignments), collectedData(store), collectedData(sets)];
    if (a && st && ps) return { known: true, grants: expandAssignments(a, st, ps) };
    const gaps = [
      sliceGap('sso.assignments', assignments),
      sliceGap('sso.identityStore', store),
      sliceGap('sso.permissionSets', sets),
    ].filter((gap): gap is string => gap !== null);
    return { known: false, gap: gaps.join('; ') };
  },
});

/** The grants for a whole snapshot, outside a rule evaluation (access matrix, tests). */
export function identityCenterGrants(snapshot: Snapshot): IdentityCenterGrants {
  return runDerivation(snapshot, IDENTITY_CENTER_GRANTS);
}

/**
 * The Identity Center user who is the same person as an IAM user: same email (IAM user name or an
 * email tag), or same name (alice.smith ~ "Alice Smith" ~ alice.smith@example.com; alice ~ alice@...).
 * Only an unambiguous match counts.
 */
export function matchIdentityCenterUser(user: IamUser, storeUsers: readonly StoreUser[]): StoreUser | null {
  const iamKeys = personKeys([user.userName, ...Object.values(pickEmailTags(user.tags))]);
  const matches = storeUsers.filter((candidate) => {
    const keys = personKeys([candidate.userName, ...candidate.emails, candidate.displayName ?? '']);
    return [...iamKeys].some((key) => keys.has(key));
  });
  return matches.length === 1 ? matches[0]! : null;
}

function pickEmailTags(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => /e-?mail/i.test(key)));
}

function personKeys(values: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const value of values) {
    const trimmed = value.trim().toLowerCase();
    if (!trimmed) continue;
    keys.add(trimmed);
    const local = trimmed.split('@')[0]!;
    keys.add(local.replace(/[\s_-]+/g, '.'));
  }
  return keys;
}
