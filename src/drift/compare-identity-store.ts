import type { DesiredGroup, DesiredUser } from '../desired-state/desired-state-model.js';
import type { IdentityStore } from '../inventory/identity-center-schema.js';
import type { DriftItem } from '../knowledge/drift/drift-items.js';
import { indexBy } from '../knowledge/lookup-index.js';

type StoreItem = Extract<DriftItem, { kind: 'identity-store-differs' }>;

/**
 * Only what the files declare is compared: a directory synced from an IdP has many users no file names.
 * Declared groups and users must exist with the declared attributes; a group whose membership is
 * declared must have exactly those members.
 */
export function compareIdentityStore(
  groups: DesiredGroup[],
  users: DesiredUser[],
  store: IdentityStore,
): DriftItem[] {
  const items: StoreItem[] = [];
  // Lookups built once: a search of the whole directory per declared group, user and member was
  // quadratic in the size of the identity store.
  const liveGroups = indexBy(store.groups, 'groupId', (g) => g.groupId);
  const liveUsers = indexBy(store.users, 'userId', (u) => u.userId);
  const membersOf = new Map<string, string[]>();
  for (const { groupId, userId } of store.memberships) {
    const members = membersOf.get(groupId);
    if (members) members.push(userId);
    else membersOf.set(groupId, [userId]);
  }
  const userName = (id: string) =>
    id.startsWith('name:') ? id.slice(5) : (liveUsers.get(id)?.userName ?? id);

  for (const group of groups) {
    const live = group.groupId == null ? undefined : liveGroups.get(group.groupId);
    const base = {
      source: group.source,
      object: 'group' as const,
      id: group.groupId ?? group.label,
      label: group.label,
    };
    if (!live) {
      items.push(missing(base, group.label));
      continue;
    }
    if (group.displayName !== undefined && group.displayName !== live.displayName)
      items.push(changed(base, 'displayName', group.displayName, live.displayName));
    if (group.description !== undefined && (group.description ?? '') !== (live.description ?? ''))
      items.push(changed(base, 'description', group.description ?? '(none)', live.description ?? '(none)'));
    if (!group.members) continue;
    const liveMembers = membersOf.get(live.groupId) ?? [];
    const isLive = new Set(liveMembers);
    const declared = new Set(group.members);
    for (const member of group.members) {
      if (isLive.has(member)) continue;
      items.push(membership(group, live.groupId, member, userName(member), 'not-live'));
    }
    for (const member of liveMembers) {
      if (declared.has(member)) continue;
      items.push(membership(group, live.groupId, member, userName(member), 'not-declared'));
    }
  }

  for (const user of users) {
    const live = user.userId == null ? undefined : liveUsers.get(user.userId);
    const base = {
      source: user.source,
      object: 'user' as const,
      id: user.userId ?? user.userName,
      label: user.userName,
    };
    if (!live) {
      items.push(missing(base, user.userName));
      continue;
    }
    if (user.userName !== live.userName) items.push(changed(base, 'userName', user.userName, live.userName));
    if (user.displayName !== undefined && (user.displayName ?? '') !== (live.displayName ?? ''))
      items.push(changed(base, 'displayName', user.displayName ?? '(none)', live.displayName ?? '(none)'));
  }
  return items;
}

function missing(base: Pick<StoreItem, 'source' | 'object' | 'id' | 'label'>, declared: string): StoreItem {
  return {
    ...base,
    kind: 'identity-store-differs',
    change: 'missing',
    field: null,
    declared,
    live: '(none)',
  };
}

function changed(
  base: Pick<StoreItem, 'source' | 'object' | 'id' | 'label'>,
  field: string,
  declared: string,
  live: string,
): StoreItem {
  return { ...base, kind: 'identity-store-differs', change: 'changed', field, declared, live };
}

function membership(
  group: DesiredGroup,
  groupId: string,
  userId: string,
  userName: string,
  change: 'not-live' | 'not-declared',
): StoreItem {
  const member = `${userName} in ${group.label}`;
  return {
    kind: 'identity-store-differs',
    source: group.source,
    object: 'membership',
    change,
    id: `${groupId}/${userId}`,
    label: member,
    field: null,
    declared: change === 'not-live' ? member : '(not declared)',
    live: change === 'not-live' ? '(not a member)' : member,
  };
}
