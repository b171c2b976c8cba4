import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticOrganization } from '../../bench/synthetic-organization.js';
import {
  aGroup,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aPrincipalUsage,
  aServiceUsage,
  aSnapshot,
  aUsageSlice,
  aUser,
} from '../../fixtures/builders/index.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import type { AccountAssignment } from '../../src/inventory/identity-center-schema.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { type HeldPermissions, heldByPolicies, heldByUser } from '../../src/knowledge/held-permissions.js';
import { JOB_FUNCTION_POLICIES } from '../../src/knowledge/job-function-policies.js';
import { IAM_SERVICE_REFERENCE as reference } from '../../src/knowledge/service-reference.js';
import type { IdentityMapEntry } from '../../src/migration-kit/people/identity-map.js';
import type { KitPlan } from '../../src/migration-kit/plan-schema.js';
import { renderKit } from '../../src/migration-kit/render-kit.js';
import { wideningOf } from './support/apply-identity-center-plan.js';
import { jsonencoded } from './support/jsonencoded.js';
import { NOW, type ParsedTf, parseAllTf, planOf } from './support/kit.js';

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

// ── Issue 23: the right-sized sets the kit's Terraform defines stay within what every member holds ──

const RECENT = '2026-11-20T00:00:00.000Z';
const SERVICES = ['sqs', 'sns', 'ec2', 's3', 'iam', 'cloudwatch', 'kms', 'aws-portal', 'budgets', 'ce'];
const actionOf = (service: string, index: number) => {
  const all = reference.actionsOf(service) ?? [];
  return all[index % all.length] ?? `${service}:Unknown`;
};
const patternArb = fc.oneof(
  fc.constant('*'),
  fc.constantFrom(...SERVICES).map((s) => `${s}:*`),
  fc.tuple(fc.constantFrom(...SERVICES), fc.nat(400)).map(([s, i]) => actionOf(s, i)),
  fc
    .tuple(fc.constantFrom(...SERVICES), fc.constantFrom('Get', 'List', 'Describe', 'Put'))
    .map(([s, v]) => `${s}:${v}*`),
);
const rightSizeUserArb = fc.record({
  admin: fc.boolean(),
  statements: fc.array(
    fc.record({ patterns: fc.array(patternArb, { minLength: 1, maxLength: 4 }), not: fc.boolean() }),
    { maxLength: 2 },
  ),
  team: fc.constantFrom('admins', 'devs'),
  usage: fc.array(
    fc.record({
      service: fc.constantFrom(...SERVICES),
      used: fc.boolean(),
      actionLevel: fc.boolean(),
      actions: fc.array(fc.tuple(fc.nat(400), fc.boolean()), { maxLength: 3 }),
    }),
    { maxLength: 5 },
  ),
});

function rightSizeSnapshotOf(
  users: Array<typeof rightSizeUserArb extends fc.Arbitrary<infer T> ? T : never>,
) {
  const accountId = '310000000000';
  const iamUsers = users.map((u, i) =>
    aUser({
      accountId,
      // Names a person may choose, quotes and template markers included where IAM allows (+=,.@-_).
      userName: `p${i}+ops=x,y.z@corp-1_${u.team}`,
      passwordEnabled: true,
      passwordLastUsed: RECENT,
      groups: [u.team],
      tags: { email: `p${i}@example.com` },
      attachedPolicies: u.admin ? [{ policyArn: POLICY.admin, policyName: 'AdministratorAccess' }] : [],
      inlinePolicies:
        u.statements.length === 0
          ? []
          : [
              {
                policyName: `own-${i}`,
                document: {
                  Version: '2012-10-17',
                  Statement: u.statements.map((s) =>
                    s.not
                      ? { Effect: 'Allow' as const, NotAction: s.patterns, Resource: '*' }
                      : { Effect: 'Allow' as const, Action: s.patterns, Resource: '*' },
                  ),
                },
              },
            ],
    }),
  );
  const usage = aUsageSlice(
    users.map((u, i) =>
      aPrincipalUsage(
        iamUsers[i]!.arn,
        u.usage.map((s) =>
          aServiceUsage(
            s.service,
            s.used ? RECENT : null,
            s.actionLevel
              ? s.actions.map(([index, used]) => [actionOf(s.service, index), used && s.used ? RECENT : null])
              : null,
          ),
        ),
      ),
    ),
  );
  return aSnapshot({
    accounts: [
      anAccount({
        id: accountId,
        name: ['acct "prod" $', '{x}'].join(''),
        iam: anIamSlice({
          accountId,
          users: iamUsers,
          groups: ['admins', 'devs'].map((t) => aGroup({ accountId, groupName: t })),
          usage,
        }),
      }),
    ],
    identityCenter: anIdentityCenter({ permissionSets: [] }),
  });
}

/** What one permission set of the parsed Terraform allows: its managed attachments and its inline policy. */
async function grantedByTerraform(tf: ParsedTf, resourceName: string): Promise<HeldPermissions> {
  const ref = `\${aws_ssoadmin_permission_set.${resourceName}.arn}`;
  const ofSet = (type: string) =>
    Object.values(tf.resource?.[type] ?? {})
      .flat()
      .filter((r) => r.permission_set_arn === ref);
  const grants: HeldPermissions[] = [];
  for (const attachment of ofSet('aws_ssoadmin_managed_policy_attachment')) {
    const arn = String(attachment.managed_policy_arn);
    const jobFunction = JOB_FUNCTION_POLICIES.find((p) => p.arn === arn);
    // A job-function policy's document with its resources and conditions ignored: an upper bound, so
    // the check is sound. An AWS managed policy keysweep has no document of counts as allowing everything.
    grants.push(
      (jobFunction
        ? heldByPolicies([], [{ policyName: 'job-function', document: jobFunction.document }], [])
        : heldByPolicies([{ policyArn: arn, policyName: arn }], [], [])) ?? (() => true),
    );
  }
  for (const inline of ofSet('aws_ssoadmin_permission_set_inline_policy'))
    grants.push(
      heldByPolicies([], [{ policyName: 'tf', document: await jsonencoded(inline.inline_policy) }], [])!,
    );
  return (action) => grants.some((g) => g(action));
}

describe('the right-sized Terraform never grants more than its members hold (property, issue 23)', () => {
  it('on randomized holds and usage: every action a set of the written Terraform allows is held by each member', async () => {
    let rightSized = 0;
    const checkedActions = SERVICES.flatMap((s) => reference.actionsOf(s) ?? []).concat([
      'lambda:InvokeFunction',
      'organizations:ListAccounts',
      'dynamodb:GetItem',
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(rightSizeUserArb, { minLength: 1, maxLength: 4 }), async (users) => {
        const snapshot = rightSizeSnapshotOf(users);
        const plan = planOf(snapshot);
        const files = renderKit(plan, snapshot, {
          scpExemptRoles: [],
          deleteAfterDays: 30,
          runbookFormats: ['md'],
          now: NOW,
        });
        const tf = await parseAllTf(files, 'identity-center/');
        const iam = snapshot.accounts[0]!.iam;
        if (iam.users.status !== 'ok' || iam.groups.status !== 'ok') throw new Error('fixture');
        for (const [resourceName, [set]] of Object.entries(tf.resource?.aws_ssoadmin_permission_set ?? {})) {
          const planned = plan.permissionSets.find((s) => s.name === set?.name)!;
          if (!planned.rightSizing?.applied) continue;
          rightSized += 1;
          const granted = await grantedByTerraform(tf, resourceName);
          const members = plan.people
            .flatMap((p) => p.iamUsers)
            .filter((u) => u.cutOver && u.targetPermissionSet === planned.name);
          expect(members.length).toBeGreaterThan(0);
          for (const member of members) {
            const user = iam.users.data.find((u) => u.arn === member.arn)!;
            const held = heldByUser(user, iam.groups.data, [])!;
            for (const action of checkedActions)
              if (granted(action))
                expect(held(action), `${planned.name}: ${action} by ${member.arn}`).toBe(true);
          }
        }
      }),
      { numRuns: 60, seed: 23 },
    );
    // Tested on real right-sized sets, not only on organizations where nothing was narrowed.
    expect(rightSized).toBeGreaterThan(10);
  });
});
