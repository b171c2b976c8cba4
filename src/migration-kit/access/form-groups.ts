import { createHash } from 'node:crypto';

/** A person's access to one account with one permission set, in one string: `<accountId>|<permission set>`. */
export type Grant = string;
export const grantOf = (accountId: string, permissionSet: string): Grant => `${accountId}|${permissionSet}`;
export function splitGrant(grant: Grant): { accountId: string; permissionSet: string } {
  const bar = grant.indexOf('|');
  return { accountId: grant.slice(0, bar), permissionSet: grant.slice(bar + 1) };
}

/** One IAM user's access that the kit carries over to Identity Center for a resolved, confirmed person. */
export interface CarriedAccess {
  personId: string;
  accountId: string;
  permissionSet: string;
  /** The planner's team group name (from the IAM groups, else the permission set): the preferred name. */
  team: string;
}

/** An Identity Center group that already exists, as collected. */
export interface ExistingGroup {
  groupId: string;
  displayName: string;
  /** Person ids of its members today. */
  members: ReadonlySet<string>;
  /** Its account assignments today. */
  grants: ReadonlySet<Grant>;
}

export interface GroupFormationInput {
  carried: readonly CarriedAccess[];
  /** Each person's Identity Center grants today (groups expanded, direct assignments included). */
  existingGrants: ReadonlyMap<string, ReadonlySet<Grant>>;
  /** By lower-case display name; null when the identity store was not collected (names may still clash). */
  existingGroups: ReadonlyMap<string, ExistingGroup> | null;
  /** False when the assignments were not collected: an existing group's grants are unknown, so never reused. */
  assignmentsKnown: boolean;
  accountNames: ReadonlyMap<string, string>;
}

export interface FormedGroup {
  displayName: string;
  /** The existing group reused (checked not to widen anyone), or null for a new group. */
  existing: ExistingGroup | null;
  permissionSet: string;
  accountIds: string[];
  members: string[];
}

export interface GroupFormation {
  groups: FormedGroup[];
  /** personId → grant → the group that gives it after the kit (new) or the one that gives it today. */
  through: Map<string, Map<Grant, string>>;
}

/**
 * Forms the kit's groups so that membership never widens access: one group per team, permission set
 * and exact set of accounts, holding exactly the people who need that access and do not have it in
 * Identity Center yet. A person whose accounts differ from a teammate's gets another group, never the
 * union. An existing group is reused only when neither its current members nor its new members would
 * gain anything by it; otherwise a new group is named beside it.
 */
export function formGroups(input: GroupFormationInput): GroupFormation {
  const before = eligibleBefore(input);
  const through = new Map<string, Map<Grant, string>>();
  const note = (personId: string, grant: Grant, group: string) => {
    const byGrant = through.get(personId) ?? new Map<Grant, string>();
    if (!byGrant.has(grant)) byGrant.set(grant, group);
    through.set(personId, byGrant);
  };

  // What each person still needs, per (team, permission set): the accounts not already granted.
  const needs = new Map<
    string,
    { team: string; permissionSet: string; accounts: Map<string, Set<string>> }
  >();
  const claimed = new Set<string>();
  for (const c of input.carried) {
    const grant = grantOf(c.accountId, c.permissionSet);
    if (input.existingGrants.get(c.personId)?.has(grant)) {
      note(c.personId, grant, '(already granted in Identity Center)');
      continue;
    }
    // The same access from two IAM users of one person (two teams): carried once.
    if (claimed.has(`${c.personId}\u0000${grant}`)) continue;
    claimed.add(`${c.personId}\u0000${grant}`);
    const key = `${c.team}\u0000${c.permissionSet}`;
    const entry = needs.get(key) ?? { team: c.team, permissionSet: c.permissionSet, accounts: new Map() };
    const accounts = entry.accounts.get(c.personId) ?? new Set<string>();
    accounts.add(c.accountId);
    entry.accounts.set(c.personId, accounts);
    needs.set(key, entry);
  }

  interface Partition {
    team: string;
    permissionSet: string;
    accountIds: string[];
    members: string[];
  }
  const partitions: Partition[] = [];
  for (const { team, permissionSet, accounts } of needs.values()) {
    const byAccountSet = new Map<string, Partition>();
    for (const [personId, ids] of accounts) {
      const accountIds = [...ids].sort();
      const key = accountIds.join(',');
      const partition = byAccountSet.get(key) ?? { team, permissionSet, accountIds, members: [] };
      partition.members.push(personId);
      byAccountSet.set(key, partition);
    }
    partitions.push(...byAccountSet.values());
  }
  const permissionSetsOfTeam = new Map<string, Set<string>>();
  for (const p of partitions)
    permissionSetsOfTeam.set(p.team, (permissionSetsOfTeam.get(p.team) ?? new Set()).add(p.permissionSet));
  // Largest group first, so a team's own name goes to the group most of the team is in.
  partitions.sort(
    (a, b) =>
      compare(a.team, b.team) ||
      compare(a.permissionSet, b.permissionSet) ||
      b.members.length - a.members.length ||
      compare(a.accountIds.join(','), b.accountIds.join(',')),
  );

  const taken = new Set<string>();
  const groups: FormedGroup[] = [];
  for (const partition of partitions) {
    partition.members.sort();
    const grants = partition.accountIds.map((id) => grantOf(id, partition.permissionSet));
    let chosen: { name: string; existing: ExistingGroup | null } | null = null;
    for (const name of candidateNames(partition, permissionSetsOfTeam, input.accountNames)) {
      const lower = name.toLowerCase();
      if (taken.has(lower)) continue;
      const existing = input.existingGroups?.get(lower) ?? null;
      if (existing && !(input.assignmentsKnown && reuseIsSafe(existing, partition.members, grants, before)))
        continue;
      chosen = { name, existing };
      break;
    }
    const { name, existing } = chosen!;
    taken.add(name.toLowerCase());
    groups.push({
      displayName: existing?.displayName ?? name,
      existing,
      permissionSet: partition.permissionSet,
      accountIds: partition.accountIds,
      members: partition.members,
    });
    for (const personId of partition.members)
      for (const grant of grants) note(personId, grant, existing?.displayName ?? name);
  }
  return { groups: groups.sort((a, b) => compare(a.displayName, b.displayName)), through };
}

/** Today's Identity Center grants plus the access the kit carries over: what nobody may exceed. */
function eligibleBefore(input: GroupFormationInput): Map<string, Set<Grant>> {
  const before = new Map<string, Set<Grant>>();
  for (const [personId, grants] of input.existingGrants) before.set(personId, new Set(grants));
  for (const c of input.carried) {
    const set = before.get(c.personId) ?? new Set<Grant>();
    set.add(grantOf(c.accountId, c.permissionSet));
    before.set(c.personId, set);
  }
  return before;
}

/**
 * An existing group may take these members and grants only if nobody gains by it: every current member
 * already has (or is carried to) each new grant, and every new member already has (or is carried to)
 * everything the group grants today.
 */
function reuseIsSafe(
  group: ExistingGroup,
  newMembers: readonly string[],
  newGrants: readonly Grant[],
  before: ReadonlyMap<string, ReadonlySet<Grant>>,
): boolean {
  const has = (personId: string, grant: Grant) => before.get(personId)?.has(grant) ?? false;
  for (const member of group.members)
    if (!newGrants.every((grant) => group.grants.has(grant) || has(member, grant))) return false;
  for (const member of newMembers)
    if (!group.members.has(member) && ![...group.grants].every((grant) => has(member, grant))) return false;
  return true;
}

function* candidateNames(
  partition: { team: string; permissionSet: string; accountIds: string[] },
  permissionSetsOfTeam: ReadonlyMap<string, ReadonlySet<string>>,
  accountNames: ReadonlyMap<string, string>,
): Generator<string> {
  const { team, permissionSet, accountIds } = partition;
  const shared = (permissionSetsOfTeam.get(team)?.size ?? 1) > 1;
  const base = shared ? `${team}-${kebab(permissionSet)}` : team;
  yield base;
  const accountPart =
    accountIds.length <= 2
      ? accountIds.map((id) => kebab(accountNames.get(id) ?? id) || id).join('-')
      : `${accountIds.length}-accounts`;
  yield `${base}-${accountPart}`;
  const digest = createHash('sha256').update(accountIds.join(',')).digest('hex').slice(0, 6);
  yield `${base}-${accountPart}-${digest}`;
  for (let n = 2; ; n += 1) yield `${base}-${accountPart}-${digest}-${n}`;
}

function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('-')
    .toLowerCase();
}

// Code-unit order: the same kit on every machine and locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
