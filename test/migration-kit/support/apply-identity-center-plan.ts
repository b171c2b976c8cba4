import { buildAccessMatrix } from '../../../src/access-matrix/access-matrix.js';
import { ok } from '../../../src/inventory/collection.js';
import type { IdentityStore, PermissionSet } from '../../../src/inventory/identity-center-schema.js';
import type { Snapshot } from '../../../src/inventory/snapshot-schema.js';
import type { KitPlan } from '../../../src/migration-kit/plan-schema.js';

const FAKE_INSTANCE = 'arn:aws:sso:::instance/ssoins-applied000000';

/**
 * What Identity Center looks like once the kit's Identity Center part is applied, in memory: new users,
 * groups, memberships, permission sets and group assignments added beside what exists. An oracle for
 * the no-widening tests, independent of how the planner computed its own after-matrix.
 */
export function applyIdentityCenterPlan(snapshot: Snapshot, plan: KitPlan): Snapshot {
  const ic = snapshot.identityCenter;
  const store: IdentityStore =
    ic.identityStore.status === 'ok'
      ? structuredClone(ic.identityStore.data)
      : { users: [], groups: [], memberships: [] };
  const sets: PermissionSet[] =
    ic.permissionSets.status === 'ok' ? structuredClone(ic.permissionSets.data) : [];
  const assignments = ic.assignments.status === 'ok' ? structuredClone(ic.assignments.data) : [];
  const userIdOf = new Map<string, string>();
  for (const person of plan.people) {
    if (person.source === 'unresolved') continue;
    if (person.identityStoreUserId) userIdOf.set(person.id, person.identityStoreUserId);
    else {
      const userId = `applied-user-${store.users.length}`;
      store.users.push({
        userId,
        userName: person.userName,
        displayName: person.displayName,
        emails: person.email ? [person.email] : [],
      });
      userIdOf.set(person.id, userId);
    }
  }
  const groupIdOf = new Map<string, string>();
  for (const group of plan.groups) {
    const existing = store.groups.find(
      (g) => g.displayName.toLowerCase() === group.displayName.toLowerCase(),
    );
    const groupId = existing?.groupId ?? `applied-group-${store.groups.length}`;
    if (!existing)
      store.groups.push({ groupId, displayName: group.displayName, description: group.description });
    groupIdOf.set(group.displayName, groupId);
    for (const member of group.members) {
      const userId = userIdOf.get(member.personId);
      if (!userId)
        throw new Error(`member ${member.personId} of ${group.displayName} is not a resolved person`);
      if (!store.memberships.some((m) => m.groupId === groupId && m.userId === userId))
        store.memberships.push({ groupId, userId });
    }
  }
  const setArnOf = new Map(sets.map((s) => [s.name, s.arn]));
  for (const set of plan.permissionSets) {
    if (setArnOf.has(set.name)) continue;
    const arn = `${FAKE_INSTANCE.replace(':instance/', ':permissionSet/')}/ps-applied-${sets.length}`;
    sets.push({
      arn,
      name: set.name,
      description: set.description,
      sessionDuration: set.sessionDuration,
      relayState: set.relayState,
      tags: set.tags,
      createdDate: null,
      managedPolicies: set.awsManagedPolicies.map((p) => ({ arn: p, name: p.split('/').pop()! })),
      customerManagedPolicies: set.customerManagedPolicies.map((name) => ({ name, path: '/' })),
      inlinePolicy: set.inlinePolicy,
      permissionsBoundary: null,
    });
    setArnOf.set(set.name, arn);
  }
  for (const a of plan.assignments) {
    const assignment = {
      accountId: a.accountId,
      permissionSetArn: setArnOf.get(a.permissionSet)!,
      principalType: 'GROUP' as const,
      principalId: groupIdOf.get(a.group)!,
    };
    if (!assignments.some((x) => JSON.stringify(x) === JSON.stringify(assignment)))
      assignments.push(assignment);
  }
  const instance =
    ic.instance.status === 'ok' && ic.instance.data !== null
      ? ic.instance
      : ok({
          instanceArn: FAKE_INSTANCE,
          identityStoreId: 'd-applied000',
          homeRegion: 'us-east-1',
          ownerAccountId: null,
          status: 'ACTIVE',
        });
  return {
    ...snapshot,
    identityCenter: {
      ...ic,
      instance,
      identityStore: ok(store),
      permissionSets: ok(sets),
      assignments: ok(assignments),
    },
  };
}

export interface Widening {
  person: string;
  accountId: string;
  permission: string;
}

/**
 * Person × account × permission set pairs someone has after the kit that they did not have before,
 * both read by `keysweep access` (src/access-matrix): Identity Center rows before and after, plus each
 * cut-over IAM user's row counted as its target permission set. Also the person × account pairs.
 */
export function wideningOf(
  snapshot: Snapshot,
  plan: KitPlan,
): { pairs: Widening[]; personAccounts: string[] } {
  const carried = new Map<string, { person: string; permissionSet: string }>();
  for (const person of plan.people)
    for (const u of person.iamUsers) {
      const cutOver = (u as { cutOver?: boolean }).cutOver ?? person.source !== 'unresolved';
      if (cutOver) carried.set(u.arn, { person: person.id, permissionSet: u.targetPermissionSet });
    }
  // Person ids: the identity store user name in lower case (as the planner's resolver keys them), or
  // for people created by the kit the plan's id (their user name, lower-cased).
  const before = new Set<string>();
  const beforeAccounts = new Set<string>();
  const note = (person: string, accountId: string, permission: string) => {
    before.add(`${person}|${accountId}|${permission}`);
    beforeAccounts.add(`${person}|${accountId}`);
  };
  for (const row of buildAccessMatrix(snapshot).rows) {
    if (row.path === 'identity-center') note(row.principal.toLowerCase(), row.accountId, row.permission);
    if (row.path === 'iam-user') {
      const c = carried.get(row.via);
      if (c) note(c.person, row.accountId, c.permissionSet);
    }
  }
  const pairs: Widening[] = [];
  const personAccounts = new Set<string>();
  for (const row of buildAccessMatrix(applyIdentityCenterPlan(snapshot, plan)).rows) {
    if (row.path !== 'identity-center') continue;
    const person = row.principal.toLowerCase();
    if (!before.has(`${person}|${row.accountId}|${row.permission}`))
      pairs.push({ person, accountId: row.accountId, permission: row.permission });
    if (!beforeAccounts.has(`${person}|${row.accountId}`)) personAccounts.add(`${person}|${row.accountId}`);
  }
  return { pairs, personAccounts: [...personAccounts].sort() };
}
