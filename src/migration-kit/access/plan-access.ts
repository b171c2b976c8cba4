import type {
  AccountAssignment,
  IdentityStore,
  PermissionSet,
} from '../../inventory/identity-center-schema.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { buildCrossAccountReach } from '../../knowledge/cross-account-reach.js';
import { type IdentityCenterGrants, identityCenterGrants } from '../../knowledge/identity-center-access.js';
import type { HumanMigrationTarget } from '../../knowledge/migration-planner.js';
import type {
  AccessDiff,
  KitPlan,
  PlanBlockedAssignment,
  PlanConfirmFirst,
  PlanPerson,
} from '../plan-schema.js';
import type { AssignmentPrerequisites } from './assignment-prerequisites.js';
import { type CarriedAccess, type ExistingGroup, formGroups, type Grant, grantOf } from './form-groups.js';
import { diffAccess, storePersonId } from './kit-access-diff.js';

/** Identity Center as collected; each part undefined/null where it was not collected. */
export interface IdentityCenterToday {
  /** No instance at all: nothing exists there (a fact). */
  absent: boolean;
  store: IdentityStore | null;
  permissionSets: readonly PermissionSet[] | undefined;
  assignments: readonly AccountAssignment[] | undefined;
}

export interface PlanAccessInput {
  snapshot: Snapshot;
  today: IdentityCenterToday;
  people: PlanPerson[];
  humans: ReadonlyMap<string, HumanMigrationTarget>;
  /** IAM users held back before people were resolved (suspected break-glass), for the decision list. */
  heldBack: PlanConfirmFirst[];
  accountNames: ReadonlyMap<string, string>;
  narrowedBy: (accountId: string, permissionSet: string) => string | null;
  /** Whether a permission set's customer managed policies and boundary exist in an account (issue 24). */
  prerequisites?: (accountId: string, permissionSet: string) => AssignmentPrerequisites;
}

export interface PlanAccess {
  people: PlanPerson[];
  groups: KitPlan['groups'];
  assignments: KitPlan['assignments'];
  confirmFirst: PlanConfirmFirst[];
  /** Assignments not planned because a policy they need is missing in the account. */
  blockedAssignments: PlanBlockedAssignment[];
  /** Assignments planned although whether their policies exist is unknown (not collected). */
  warnings: string[];
  accessDiff: AccessDiff;
}

const CONFIRM_LOW =
  'confirm first: a weak name match (flast). Confirm who this is in the identity map (--identity-map) and re-run plan; until then it stays an IAM user';
const CONFIRM_UNRESOLVED =
  'confirm first: nobody matched. Map it to a person in the identity map (--identity-map), or tag its e-mail, and re-run plan; until then it stays an IAM user';

/**
 * The access part of the plan: which IAM users are cut over (resolved people, not weak matches), the
 * groups and assignments that carry exactly their access (src/migration-kit/access/form-groups.ts), and
 * the diff of everyone's access today against after the kit.
 */
export function planAccess(input: PlanAccessInput): PlanAccess {
  const { today } = input;
  const confirmFirst: PlanConfirmFirst[] = [...input.heldBack];
  const carried: CarriedAccess[] = [];
  const blocked = new Map<string, PlanBlockedAssignment>();
  const unknown = new Map<string, string>();
  const prerequisites = input.prerequisites ?? (() => ({ status: 'ready' }) as const);
  const people = input.people.map((person) => ({
    ...person,
    iamUsers: person.iamUsers.map((u) => {
      const weak = person.source === 'unresolved' || u.confidence === 'low' || u.confidence === 'none';
      const needs = weak ? null : prerequisites(u.accountId, u.targetPermissionSet);
      const key = `${u.accountId}|${u.targetPermissionSet}`;
      if (needs?.status === 'unknown')
        unknown.set(
          key,
          `permission set ${u.targetPermissionSet} in account ${input.accountNames.get(u.accountId) ?? u.accountId} (${u.accountId}): whether its customer managed policies or boundary exist there is UNKNOWN (${needs.reason}); assigned anyway: check them before applying, or provisioning fails`,
        );
      if (needs?.status === 'blocked') {
        // Not planned: the assignment would fail to provision (or its boundary would not apply). The IAM
        // user stays as it is, listed, until the policy exists and plan is re-run.
        const entry = blocked.get(key) ?? {
          accountId: u.accountId,
          accountName: input.accountNames.get(u.accountId) ?? u.accountId,
          permissionSet: u.targetPermissionSet,
          missing: needs.missing,
          steps: needs.steps,
          iamUsers: [],
        };
        entry.iamUsers.push(u.arn);
        blocked.set(key, entry);
        confirmFirst.push({
          arn: u.arn,
          accountId: u.accountId,
          userName: u.userName,
          reason: 'prerequisite-missing',
          personId: person.id,
          permissionSet: u.targetPermissionSet,
          evidence: u.evidence,
          decision: `not cut over: ${needs.steps.join(' ')} Then re-run plan; until then it stays an IAM user`,
        });
        return { ...u, cutOver: false };
      }
      if (weak)
        confirmFirst.push({
          arn: u.arn,
          accountId: u.accountId,
          userName: u.userName,
          reason: person.source === 'unresolved' ? 'unresolved' : 'low-confidence',
          personId: person.source === 'unresolved' ? null : person.id,
          permissionSet: u.targetPermissionSet,
          evidence: u.evidence,
          decision: person.source === 'unresolved' ? CONFIRM_UNRESOLVED : CONFIRM_LOW,
        });
      else
        carried.push({
          personId: person.id,
          accountId: u.accountId,
          permissionSet: u.targetPermissionSet,
          team: input.humans.get(u.arn)?.targetGroup ?? u.targetGroup,
        });
      return { ...u, cutOver: !weak };
    }),
  }));

  const grantsToday: IdentityCenterGrants = today.absent
    ? { known: true, grants: [] }
    : identityCenterGrants(input.snapshot);
  const existingGrants = new Map<string, Set<Grant>>();
  if (grantsToday.known)
    for (const g of grantsToday.grants) {
      const id = storePersonId(g.userName);
      existingGrants.set(
        id,
        (existingGrants.get(id) ?? new Set()).add(grantOf(g.accountId, g.permissionSetName)),
      );
    }
  const existingGroups = existingGroupsOf(today);
  const formation = formGroups({
    carried,
    existingGrants,
    existingGroups,
    assignmentsKnown: today.absent || (today.assignments !== undefined && today.permissionSets !== undefined),
    accountNames: input.accountNames,
  });

  const storeKnown = today.absent || today.store !== null;
  const groups: KitPlan['groups'] = formation.groups.map((g) => ({
    displayName: g.displayName,
    description: g.existing
      ? (today.store?.groups.find((s) => s.groupId === g.existing!.groupId)?.description ?? null)
      : 'Migrated from IAM users by keysweep',
    exists: g.existing ? true : storeKnown ? false : null,
    groupId: g.existing?.groupId ?? null,
    members: g.members.map((personId) => ({
      personId,
      exists: g.existing ? g.existing.members.has(personId) : storeKnown ? false : null,
    })),
  }));
  const assignments: KitPlan['assignments'] = formation.groups
    .flatMap((g) =>
      g.accountIds.map((accountId) => ({
        accountId,
        accountName: input.accountNames.get(accountId) ?? accountId,
        group: g.displayName,
        permissionSet: g.permissionSet,
        exists: g.existing
          ? g.existing.grants.has(grantOf(accountId, g.permissionSet))
          : storeKnown && (today.absent || today.assignments !== undefined)
            ? false
            : null,
      })),
    )
    .sort((a, b) =>
      cmp(`${a.accountId}|${a.group}|${a.permissionSet}`, `${b.accountId}|${b.group}|${b.permissionSet}`),
    );

  const planned = people.map((person) => {
    const iamUsers = person.iamUsers.map((u) =>
      u.cutOver
        ? {
            ...u,
            targetGroup:
              formation.through.get(person.id)?.get(grantOf(u.accountId, u.targetPermissionSet)) ??
              u.targetGroup,
          }
        : u,
    );
    const sorted = (items: string[]) => [...new Set(items)].sort();
    const cut = iamUsers.filter((u) => u.cutOver);
    return {
      ...person,
      iamUsers,
      groups: sorted(cut.map((u) => u.targetGroup).filter((g) => !g.startsWith('('))),
      permissionSets: sorted(cut.map((u) => u.targetPermissionSet)),
      accounts: sorted(cut.map((u) => u.accountId)),
    };
  });

  const existingGroupGrants = new Map<string, ReadonlySet<Grant>>();
  for (const g of formation.groups)
    if (g.existing) existingGroupGrants.set(g.displayName.toLowerCase(), g.existing.grants);
  const accessDiff = diffAccess({
    plan: { people: planned, groups, assignments, confirmFirst },
    identityCenter: grantsToday,
    store: today.store,
    existingGroupGrants,
    reach: buildCrossAccountReach(input.snapshot),
    accountNames: input.accountNames,
    narrowedBy: input.narrowedBy,
  });
  return {
    people: planned,
    groups,
    assignments,
    confirmFirst: confirmFirst.sort((a, b) => cmp(a.arn, b.arn)),
    blockedAssignments: [...blocked.values()]
      .map((b) => ({ ...b, iamUsers: b.iamUsers.sort(cmp) }))
      .sort((a, b) => cmp(`${a.accountId}|${a.permissionSet}`, `${b.accountId}|${b.permissionSet}`)),
    warnings: [...unknown.entries()].sort(([a], [b]) => cmp(a, b)).map(([, warning]) => warning),
    accessDiff,
  };
}

/** The identity store's groups with their members (as person ids) and assignments (when collected). */
function existingGroupsOf(today: IdentityCenterToday): Map<string, ExistingGroup> | null {
  if (today.absent) return new Map();
  if (today.store === null) return null;
  const userNames = new Map(today.store.users.map((u) => [u.userId, u.userName]));
  const setNames = new Map((today.permissionSets ?? []).map((s) => [s.arn, s.name]));
  const groups = new Map<string, ExistingGroup>();
  for (const g of today.store.groups) {
    const members = new Set<string>();
    for (const m of today.store.memberships) {
      const userName = m.groupId === g.groupId ? userNames.get(m.userId) : undefined;
      if (userName !== undefined) members.add(storePersonId(userName));
    }
    const grants = new Set<Grant>();
    for (const a of today.assignments ?? [])
      if (a.principalType === 'GROUP' && a.principalId === g.groupId)
        grants.add(grantOf(a.accountId, setNames.get(a.permissionSetArn) ?? a.permissionSetArn));
    groups.set(g.displayName.toLowerCase(), {
      groupId: g.groupId,
      displayName: g.displayName,
      members,
      grants,
    });
  }
  return groups;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
