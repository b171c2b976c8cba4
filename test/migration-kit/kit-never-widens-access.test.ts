import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticOrganization } from '../../bench/synthetic-organization.js';
import {
  aGroup,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import type { AccountAssignment } from '../../src/inventory/identity-center-schema.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import type { IdentityMapEntry } from '../../src/migration-kit/people/identity-map.js';
import type { KitPlan } from '../../src/migration-kit/plan-schema.js';
import { wideningOf } from './support/apply-identity-center-plan.js';
import { planOf } from './support/kit.js';

const POLICY = {
  admin: 'arn:aws:iam::aws:policy/AdministratorAccess',
  read: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  power: 'arn:aws:iam::aws:policy/PowerUserAccess',
} as const;
type PolicyKey = keyof typeof POLICY;
const SETS = {
  admin: aPermissionSet({
    name: 'AdministratorAccess',
    managedPolicies: [{ arn: POLICY.admin, name: 'AdministratorAccess' }],
  }),
  read: aPermissionSet({
    name: 'ReadOnlyAccess',
    managedPolicies: [{ arn: POLICY.read, name: 'ReadOnlyAccess' }],
  }),
  power: aPermissionSet({
    name: 'PowerUserAccess',
    managedPolicies: [{ arn: POLICY.power, name: 'PowerUserAccess' }],
  }),
};
const TEAMS = ['admins', 'developers', 'readers'] as const;
const STORE_PEOPLE = ['ada.king', 'alan.turing', 'grace.hopper', 'edsger.dijkstra', 'barbara.liskov'];
const accountIdOf = (a: number) => String(300000000000 + a);
const displayOf = (userName: string) =>
  userName
    .split('.')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

/** One IAM user: whose (a store person by index, or nobody), how it is named, what it has. */
const iamUserArb = fc.record({
  person: fc.nat({ max: STORE_PEOPLE.length }),
  naming: fc.constantFrom('same-name', 'flast', 'email-tag', 'stranger'),
  policy: fc.constantFrom<PolicyKey>('admin', 'read', 'power'),
  team: fc.constantFrom(...TEAMS, null),
});
const organizationArb = fc.record({
  accounts: fc.array(fc.array(iamUserArb, { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  /** Existing Identity Center groups aws-<team>: members (store people) and assignments. */
  groups: fc.uniqueArray(
    fc.record({
      team: fc.constantFrom(...TEAMS),
      members: fc.uniqueArray(fc.nat({ max: STORE_PEOPLE.length - 1 }), { maxLength: 3 }),
      grants: fc.uniqueArray(
        fc.record({
          account: fc.nat({ max: 3 }),
          policy: fc.constantFrom<PolicyKey>('admin', 'read', 'power'),
        }),
        { maxLength: 4, selector: (g) => `${g.account}|${g.policy}` },
      ),
    }),
    { maxLength: 3, selector: (g) => g.team },
  ),
  direct: fc.array(
    fc.record({
      person: fc.nat({ max: STORE_PEOPLE.length - 1 }),
      account: fc.nat({ max: 3 }),
      policy: fc.constantFrom<PolicyKey>('admin', 'read', 'power'),
    }),
    { maxLength: 3 },
  ),
});

type Organization = typeof organizationArb extends fc.Arbitrary<infer T> ? T : never;

function snapshotOf(org: Organization): Snapshot {
  const accounts = org.accounts.map((users, a) => {
    const accountId = accountIdOf(a);
    const seen = new Set<string>();
    const iamUsers = users.flatMap((u, i) => {
      const person = STORE_PEOPLE[u.person];
      const [first = 'x', last = 'y'] = (person ?? 'nobody.known').split('.');
      const userName =
        person === undefined || u.naming === 'stranger'
          ? `temp.user${i}`
          : u.naming === 'flast'
            ? `${first[0]}${last}`
            : u.naming === 'email-tag'
              ? `${first}${i}`
              : person;
      if (seen.has(userName)) return [];
      seen.add(userName);
      return [
        aUser({
          accountId,
          userName,
          passwordEnabled: true,
          groups: u.team ? [u.team] : [],
          attachedPolicies: [{ policyArn: POLICY[u.policy], policyName: POLICY[u.policy].split('/').pop()! }],
          tags: u.naming === 'email-tag' && person ? { email: `${person}@example.com` } : {},
        }),
      ];
    });
    return anAccount({
      id: accountId,
      name: `acct-${a}`,
      iam: anIamSlice({
        accountId,
        users: iamUsers,
        groups: TEAMS.map((t) => aGroup({ accountId, groupName: t })),
      }),
    });
  });
  const users = STORE_PEOPLE.map((userName, i) => ({
    userId: `u-${i}`,
    userName,
    displayName: displayOf(userName),
    emails: [`${userName}@example.com`],
  }));
  const assignments: AccountAssignment[] = [];
  const inOrg = (account: number) => account < org.accounts.length;
  for (const g of org.groups)
    for (const grant of g.grants)
      if (inOrg(grant.account))
        assignments.push({
          accountId: accountIdOf(grant.account),
          permissionSetArn: SETS[grant.policy].arn,
          principalType: 'GROUP',
          principalId: `g-${g.team}`,
        });
  for (const d of org.direct)
    if (inOrg(d.account))
      assignments.push({
        accountId: accountIdOf(d.account),
        permissionSetArn: SETS[d.policy].arn,
        principalType: 'USER',
        principalId: `u-${d.person}`,
      });
  return aSnapshot({
    accounts,
    identityCenter: anIdentityCenter({
      permissionSets: Object.values(SETS),
      assignments,
      identityStore: {
        users,
        groups: org.groups.map((g) => ({
          groupId: `g-${g.team}`,
          displayName: `aws-${g.team}`,
          description: null,
        })),
        memberships: org.groups.flatMap((g) =>
          g.members.map((m) => ({ groupId: `g-${g.team}`, userId: `u-${m}` })),
        ),
      },
    }),
  });
}

/** Every assignment is backed by a cut-over IAM user of every member of its group. */
function assignmentsAreJustified(plan: KitPlan): void {
  const people = new Map(plan.people.map((p) => [p.id, p]));
  for (const group of plan.groups)
    for (const member of group.members) {
      const person = people.get(member.personId)!;
      expect(person.source).not.toBe('unresolved');
      for (const a of plan.assignments.filter((x) => x.group === group.displayName))
        expect(
          person.iamUsers.some(
            (u) => u.cutOver && u.accountId === a.accountId && u.targetPermissionSet === a.permissionSet,
          ),
          `${member.personId} in ${group.displayName} has no cut-over IAM user for ${a.accountId}/${a.permissionSet}`,
        ).toBe(true);
    }
}

describe('the kit never gives anyone access they do not have today', () => {
  it('on the demo: no added person × account × permission set pair, and the issue-21 counts are gone', async () => {
    const snapshot = await loadDemoSnapshot();
    const plan = planOf(snapshot);
    const widening = wideningOf(snapshot, plan);
    // On the planner before issue 21: 52 person-account pairs, read-only on 13 accounts for everyone.
    expect(widening.pairs).toEqual([]);
    expect(widening.personAccounts).toEqual([]);
    // Ken has read-only on web-prod only: his group is assigned there and nowhere else.
    const kenGroups = plan.groups.filter((g) => g.members.some((m) => m.personId === 'ken@example.com'));
    expect(
      plan.assignments
        .filter((a) => kenGroups.some((g) => g.displayName === a.group))
        .map((a) => a.accountId),
    ).toEqual(['100000000007']);
    expect(plan.accessDiff.summary.added).toBe(0);
    assignmentsAreJustified(plan);
  });

  it('the existing aws-admins group is given no account that widens a current member', async () => {
    const snapshot = await loadDemoSnapshot();
    const plan = planOf(snapshot);
    const store = snapshot.identityCenter.identityStore;
    if (store.status !== 'ok') throw new Error('demo identity store');
    const admins = store.data.groups.find((g) => g.displayName === 'aws-admins')!;
    const members = store.data.memberships.filter((m) => m.groupId === admins.groupId);
    expect(members.length).toBeGreaterThan(0);
    expect(wideningOf(snapshot, plan).pairs.filter((p) => p.permission === 'AdministratorAccess')).toEqual(
      [],
    );
  });

  it('on randomized organizations (fast-check): 0 added pairs, every assignment justified', () => {
    fc.assert(
      fc.property(organizationArb, (org) => {
        const snapshot = snapshotOf(org);
        const plan = planOf(snapshot);
        const widening = wideningOf(snapshot, plan);
        expect(widening.pairs).toEqual([]);
        expect(plan.accessDiff.summary.added).toBe(0);
        assignmentsAreJustified(plan);
        // Weak links never drive anything: an flast match or a stranger is listed for a decision.
        const listed = new Set(plan.confirmFirst.map((c) => c.arn));
        for (const person of plan.people)
          for (const u of person.iamUsers)
            if (person.source === 'unresolved' || u.confidence === 'low') {
              expect(u.cutOver).toBe(false);
              expect(listed.has(u.arn)).toBe(true);
            }
      }),
      { numRuns: 150, seed: 21 },
    );
  });

  it("on the bench's synthetic organizations, people mapped across accounts (whose accounts differ)", () => {
    for (const snapshot of [syntheticOrganization(6, 30), syntheticOrganization(3, 61)]) {
      const identityMap = new Map<string, IdentityMapEntry>();
      for (const account of snapshot.accounts)
        if (account.iam.users.status === 'ok')
          for (const user of account.iam.users.data)
            identityMap.set(user.arn, { iamUserArn: user.arn, email: `${user.userName}@example.com` });
      const plan = planOf(snapshot, { identityMap });
      expect(plan.people.filter((p) => p.source !== 'unresolved').length).toBeGreaterThan(0);
      expect(plan.assignments.length).toBeGreaterThan(0);
      expect(wideningOf(snapshot, plan).pairs).toEqual([]);
      expect(plan.accessDiff.summary.added).toBe(0);
      assignmentsAreJustified(plan);
    }
  });
});
