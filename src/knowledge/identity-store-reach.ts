import type { IdentityStore } from '../inventory/identity-center-schema.js';

/** A person an assignment reaches: directly (groupName null) or as a member of the group. */
export interface ReachedUser {
  userId: string;
  userName: string;
  groupName: string | null;
}

export type AssignedPrincipal = { principalType: 'USER' | 'GROUP'; principalId: string };

/**
 * Who an Identity Center assignment (to an account or to an application) reaches: the user, or every
 * member of the group. An assignment to a principal that no longer exists reaches nobody
 * (sso-assignment-orphaned-principal reports it). The store is indexed once per call of this function.
 */
export function identityStoreReach(store: IdentityStore): (assigned: AssignedPrincipal) => ReachedUser[] {
  const users = new Map(store.users.map((u) => [u.userId, u]));
  const groups = new Map(store.groups.map((g) => [g.groupId, g]));
  const members = new Map<string, string[]>();
  for (const m of store.memberships) {
    const list = members.get(m.groupId);
    if (list) list.push(m.userId);
    else members.set(m.groupId, [m.userId]);
  }
  return ({ principalType, principalId }) => {
    if (principalType === 'USER') {
      const user = users.get(principalId);
      return user ? [{ userId: user.userId, userName: user.userName, groupName: null }] : [];
    }
    const group = groups.get(principalId);
    if (!group) return [];
    const reached: ReachedUser[] = [];
    for (const userId of members.get(group.groupId) ?? []) {
      const user = users.get(userId);
      if (user) reached.push({ userId: user.userId, userName: user.userName, groupName: group.displayName });
    }
    return reached;
  };
}
