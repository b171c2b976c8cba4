import type { IdentityStore } from '../../inventory/identity-center-schema.js';
import type { CrossAccountReach } from '../../knowledge/cross-account-reach.js';
import type { IdentityCenterGrants } from '../../knowledge/identity-center-access.js';
import type { AccessDiff, AccessDiffRow, KitPlan } from '../plan-schema.js';
import { type Grant, grantOf, splitGrant } from './form-groups.js';

/** Person id → grant → how (one or more ways: "group X", "direct assignment", "IAM user ARN", …). */
export type PersonAccess = Map<string, Map<Grant, Set<string>>>;

export interface AccessDiffInput {
  plan: Pick<KitPlan, 'people' | 'groups' | 'assignments' | 'confirmFirst'>;
  /** Identity Center today; `known: false` when a slice was not collected. */
  identityCenter: IdentityCenterGrants;
  /** null when the identity store was not collected. */
  store: IdentityStore | null;
  /** Existing group display name (lower case) → its assignments today (`<account>|<permission set>`). */
  existingGroupGrants: ReadonlyMap<string, ReadonlySet<Grant>>;
  reach: CrossAccountReach;
  accountNames: ReadonlyMap<string, string>;
  /** Why a carried permission set gives less than the IAM user had in that account; null when it does not. */
  narrowedBy: (accountId: string, permissionSet: string) => string | null;
}

/** The Identity Center user name as a person id: what the people resolver uses for identity store users. */
export const storePersonId = (userName: string) => userName.toLowerCase();

function add(access: PersonAccess, personId: string, grant: Grant, via: string): void {
  const grants = access.get(personId) ?? new Map<Grant, Set<string>>();
  grants.set(grant, (grants.get(grant) ?? new Set<string>()).add(via));
  access.set(personId, grants);
}

/**
 * Each person's access today, in the terms the kit uses: Identity Center grants (groups expanded), each
 * cut-over IAM user as the permission set that carries it, and the cross-account roles that IAM user
 * reaches (as `role <name>`). IAM users waiting for a decision are not anyone's yet.
 */
export function accessBefore(input: AccessDiffInput): PersonAccess {
  const access: PersonAccess = new Map();
  if (input.identityCenter.known)
    for (const g of input.identityCenter.grants)
      add(
        access,
        storePersonId(g.userName),
        grantOf(g.accountId, g.permissionSetName),
        g.groupName ? `group ${g.groupName}` : 'direct assignment',
      );
  for (const person of input.plan.people)
    for (const u of person.iamUsers) {
      if (!u.cutOver) continue;
      add(access, person.id, grantOf(u.accountId, u.targetPermissionSet), `IAM user ${u.arn}`);
      for (const r of input.reach.byUser.get(u.arn) ?? [])
        add(access, person.id, grantOf(r.accountId, `role ${r.roleName}`), `${u.arn} → ${r.roleArn}`);
    }
  return access;
}

/**
 * Each person's access once the kit is applied and the cut-over IAM users are deleted: everything in
 * Identity Center today (the kit removes no assignment or membership) plus every member of every kit
 * group (its current members included) times everything the group is assigned (today's assignments
 * included). Computed from the plan's groups and assignments, not from how they were formed.
 */
export function accessAfter(input: AccessDiffInput): PersonAccess {
  const access: PersonAccess = new Map();
  if (input.identityCenter.known)
    for (const g of input.identityCenter.grants)
      add(
        access,
        storePersonId(g.userName),
        grantOf(g.accountId, g.permissionSetName),
        g.groupName ? `group ${g.groupName}` : 'direct assignment',
      );
  const storeUsers = new Map((input.store?.users ?? []).map((u) => [u.userId, u.userName]));
  for (const group of input.plan.groups) {
    const members = new Set(group.members.map((m) => m.personId));
    if (group.groupId !== null)
      for (const m of input.store?.memberships ?? [])
        if (m.groupId === group.groupId) {
          const userName = storeUsers.get(m.userId);
          if (userName !== undefined) members.add(storePersonId(userName));
        }
    const grants = new Set(input.existingGroupGrants.get(group.displayName.toLowerCase()) ?? []);
    for (const a of input.plan.assignments)
      if (a.group === group.displayName) grants.add(grantOf(a.accountId, a.permissionSet));
    for (const personId of members)
      for (const grant of grants) add(access, personId, grant, `group ${group.displayName}`);
  }
  return access;
}

const ORDER: Record<AccessDiffRow['change'], number> = {
  added: 0,
  removed: 1,
  narrowed: 2,
  'confirm-first': 3,
  kept: 4,
};

/**
 * Today's access against the kit's, per person, account and permission set: kept (carried as is),
 * narrowed (carried, but the permission set gives less there), removed (not carried: the IAM user's
 * cross-account reach), added (loud: nobody asked for it, so it is a defect) and confirm-first (IAM users
 * that drive nothing until someone decides who they are). Identity Center access the kit does not touch
 * is left out: `keysweep access` lists it.
 */
export function diffAccess(input: AccessDiffInput): AccessDiff {
  const before = accessBefore(input);
  const after = accessAfter(input);
  const rows: AccessDiffRow[] = [];
  const row = (
    change: AccessDiffRow['change'],
    personId: string,
    grant: Grant,
    was: Set<string> | undefined,
    will: Set<string> | undefined,
    note: string,
  ) => {
    const { accountId, permissionSet } = splitGrant(grant);
    rows.push({
      change,
      person: personId,
      accountId,
      accountName: input.accountNames.get(accountId) ?? accountId,
      permission: permissionSet,
      before: [...(was ?? [])].sort().join('; '),
      after: [...(will ?? [])].sort().join('; '),
      note,
    });
  };
  const people = new Set([...before.keys(), ...after.keys()]);
  for (const personId of people) {
    const was = before.get(personId) ?? new Map<Grant, Set<string>>();
    const will = after.get(personId) ?? new Map<Grant, Set<string>>();
    for (const [grant, how] of was) {
      const carried = [...how].some((h) => h.startsWith('IAM user '));
      const reached = [...how].some((h) => h.includes(' → '));
      const then = will.get(grant);
      if (then === undefined) {
        row(
          'removed',
          personId,
          grant,
          how,
          undefined,
          reached
            ? 'cross-account role reached from an IAM user that is deleted after the cutover: not carried over; ask for it in Identity Center if still needed'
            : 'not carried over',
        );
        continue;
      }
      if (!carried) continue;
      const { accountId, permissionSet } = splitGrant(grant);
      const narrowed = input.narrowedBy(accountId, permissionSet);
      row(narrowed ? 'narrowed' : 'kept', personId, grant, how, then, narrowed ?? '');
    }
    for (const [grant, how] of will)
      if (!was.has(grant))
        row(
          'added',
          personId,
          grant,
          undefined,
          how,
          'ADDED ACCESS: this person does not have it today and nobody asked for it',
        );
  }
  for (const c of input.plan.confirmFirst)
    rows.push({
      change: 'confirm-first',
      person: c.personId ?? '',
      accountId: c.accountId,
      accountName: input.accountNames.get(c.accountId) ?? c.accountId,
      permission: c.permissionSet ?? '',
      before: `IAM user ${c.arn}`,
      after: `IAM user ${c.arn} (unchanged until decided)`,
      note: c.decision,
    });
  rows.sort(
    (a, b) =>
      ORDER[a.change] - ORDER[b.change] ||
      cmp(a.person, b.person) ||
      cmp(a.accountId, b.accountId) ||
      cmp(a.permission, b.permission),
  );
  const count = (change: AccessDiffRow['change']) => rows.filter((r) => r.change === change).length;
  const notes: string[] = [];
  if (!input.identityCenter.known)
    notes.push(
      `Identity Center's access today is unknown (${input.identityCenter.gap}): the diff covers the IAM users only, and whether an existing group would widen anyone cannot be checked`,
    );
  return {
    complete: input.identityCenter.known,
    summary: {
      kept: count('kept'),
      narrowed: count('narrowed'),
      removed: count('removed'),
      added: count('added'),
      confirmFirst: count('confirm-first'),
    },
    notes,
    rows,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
