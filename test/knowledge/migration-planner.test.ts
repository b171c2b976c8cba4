import { describe, expect, it } from 'vitest';
import {
  aGroup,
  aManagedPolicy,
  anAccessKey,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import { derivationCache } from '../../src/knowledge/derivation-runner.js';
import { buildMigrationPlan } from '../../src/knowledge/migration-planner.js';
import { userMigrationAdvice } from '../../src/knowledge/user-migration-advice.js';

const aws = (name: string) => ({ policyName: name, policyArn: `arn:aws:iam::aws:policy/${name}` });
const person = (userName: string, extra: Parameters<typeof aUser>[0] = {}) =>
  aUser({ userName, passwordEnabled: true, ...extra });

describe('migration planner', () => {
  it('gives users with identical effective policies one shared permission set, across accounts', () => {
    const groups = (accountId: string) => [
      aGroup({ accountId, groupName: 'devs', attachedPolicies: [aws('PowerUserAccess')] }),
    ];
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [person('ann.lee', { groups: ['devs'] })],
            groups: groups('111111111111'),
          }),
        }),
        anAccount({
          id: '222222222222',
          iam: anIamSlice({
            accountId: '222222222222',
            // Same effective policy, granted directly instead of through a group.
            users: [
              person('bo.kim', { accountId: '222222222222', attachedPolicies: [aws('PowerUserAccess')] }),
            ],
            groups: groups('222222222222'),
          }),
        }),
      ],
    });
    const plan = buildMigrationPlan(snapshot);
    expect(plan.permissionSets).toHaveLength(1);
    // The members share no IAM group, so the name comes from the policy.
    expect(plan.permissionSets[0]).toMatchObject({
      name: 'PowerUserAccess',
      exists: false,
      accountIds: ['111111111111', '222222222222'],
    });
    const ann = plan.humans.get('arn:aws:iam::111111111111:user/ann.lee')!;
    const bo = plan.humans.get('arn:aws:iam::222222222222:user/bo.kim')!;
    expect(ann.targetPermissionSet).toBe(bo.targetPermissionSet);
    expect(ann.targetGroup).toBe('aws-devs');
    // Without IAM groups, the group is named after the permission set.
    expect(bo.targetGroup).toBe('aws-power-user-access');
  });

  it('reuses an existing permission set with the same managed policies and says it exists', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({ users: [person('ann.lee', { attachedPolicies: [aws('ReadOnlyAccess')] })] }),
        }),
      ],
      identityCenter: anIdentityCenter({ permissionSets: [aPermissionSet({ name: 'ViewEverything' })] }),
    });
    const target = buildMigrationPlan(snapshot).humans.get('arn:aws:iam::111111111111:user/ann.lee')!;
    expect(target).toMatchObject({
      targetPermissionSet: 'ViewEverything',
      permissionSetExists: true,
      targetGroup: 'aws-view-everything',
    });
  });

  it('does not match an existing permission set when the user also has inline policies', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [
              person('ann.lee', {
                attachedPolicies: [aws('ReadOnlyAccess')],
                inlinePolicies: [
                  {
                    policyName: 'extra',
                    document: { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] },
                  },
                ],
              }),
            ],
          }),
        }),
      ],
      identityCenter: anIdentityCenter({ permissionSets: [aPermissionSet({ name: 'ReadOnly' })] }),
    });
    const target = buildMigrationPlan(snapshot).humans.get('arn:aws:iam::111111111111:user/ann.lee')!;
    expect(target.permissionSetExists).toBe(false);
    expect(target.targetPermissionSet).toBe('ReadOnlyAccess');
  });

  it('tells customer managed policies with the same name but different documents apart', () => {
    const snapshot = aSnapshot({
      accounts: appAccessInTwoAccounts(),
    });
    const names = buildMigrationPlan(snapshot).permissionSets.map((set) => set.name);
    expect(names).toEqual(['AppAccess', 'AppAccess-2']);
  });

  it('proposes an existing set once when it matches same-named customer policies of different accounts', () => {
    // The existing set references AppAccess by name: each account resolves it to its own document, so both
    // people keep exactly what they have, through one set (not the same set proposed twice).
    const snapshot = aSnapshot({
      accounts: appAccessInTwoAccounts(),
      identityCenter: anIdentityCenter({
        permissionSets: [
          aPermissionSet({
            name: 'App',
            managedPolicies: [],
            customerManagedPolicies: [{ name: 'AppAccess', path: '/' }],
          }),
        ],
      }),
    });
    const plan = buildMigrationPlan(snapshot);
    expect(plan.permissionSets).toHaveLength(1);
    expect(plan.permissionSets[0]).toMatchObject({
      name: 'App',
      exists: true,
      accountIds: ['111111111111', '222222222222'],
      userArns: ['arn:aws:iam::111111111111:user/a.one', 'arn:aws:iam::222222222222:user/b.two'],
    });
    expect(plan.humans.get('arn:aws:iam::222222222222:user/b.two')?.targetPermissionSet).toBe('App');
  });

  it('names administrators AdministratorAccess and leaves workloads out of the plan', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [
              person('root.like', { attachedPolicies: [aws('AdministratorAccess')] }),
              aUser({
                userName: 'ci-deploy',
                accessKeys: [anAccessKey()],
                attachedPolicies: [aws('AdministratorAccess')],
              }),
            ],
          }),
        }),
      ],
    });
    const plan = buildMigrationPlan(snapshot);
    expect([...plan.humans.keys()]).toEqual(['arn:aws:iam::111111111111:user/root.like']);
    expect(plan.permissionSets.map((s) => s.name)).toEqual(['AdministratorAccess']);
  });

  it('skips accounts whose users were not collected instead of failing', () => {
    const account = anAccount();
    account.iam.users = { status: 'failed', error: { code: 'AccessDenied', message: 'denied' } };
    expect(buildMigrationPlan(aSnapshot({ accounts: [account] })).humans.size).toBe(0);
  });
});

describe('migration planner with partial inventory', () => {
  it('marks a proposal incomplete when the account groups were not collected', () => {
    const account = anAccount({
      iam: anIamSlice({ users: [aUser({ userName: 'ann.lee', passwordEnabled: true, groups: ['devs'] })] }),
    });
    account.iam.groups = { status: 'failed', error: { code: 'AccessDenied', message: 'denied' } };
    const target = buildMigrationPlan(aSnapshot({ accounts: [account] })).humans.get(
      'arn:aws:iam::111111111111:user/ann.lee',
    )!;
    expect(target.policiesComplete).toBe(false);
  });

  it('proposes deleting a person without any permission instead of an empty permission set', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [person('ex.employee'), person('ann.lee', { attachedPolicies: [aws('ReadOnlyAccess')] })],
          }),
        }),
      ],
    });
    const plan = buildMigrationPlan(snapshot);
    expect(plan.permissionSets.map((set) => set.name)).toEqual(['ReadOnlyAccess']);
    expect(plan.humans.has('arn:aws:iam::111111111111:user/ex.employee')).toBe(false);
    expect(plan.withoutPermissions.get('arn:aws:iam::111111111111:user/ex.employee')).toMatchObject({
      userName: 'ex.employee',
      accountId: '111111111111',
    });
    const advice = userMigrationAdvice(
      derivationCache(snapshot),
      snapshot.accounts[0]!.iam.users.status === 'ok' ? snapshot.accounts[0]!.iam.users.data[0]! : aUser(),
    );
    expect(advice.kind).toBe('delete-user');
    expect(advice.targetPermissionSet).toBeUndefined();
    expect(advice.steps).toContain('aws iam delete-user --user-name ex.employee');
  });

  it('keeps a person whose groups or policies were not collected (no permissions is then unknown)', () => {
    const account = anAccount({ iam: anIamSlice({ users: [person('ex.employee')] }) });
    const snapshot = aSnapshot({
      accounts: [
        { ...account, iam: { ...account.iam, groups: { status: 'not_collected', reason: 'test' } } },
      ],
    });
    const plan = buildMigrationPlan(snapshot);
    expect(plan.withoutPermissions.size).toBe(0);
    expect(plan.humans.get('arn:aws:iam::111111111111:user/ex.employee')?.policiesComplete).toBe(false);
  });
});

/** Two accounts, each with a customer managed policy AppAccess of its own document, attached to one person. */
function appAccessInTwoAccounts() {
  const cmp = (accountId: string, action: string) =>
    aManagedPolicy({
      policyName: 'AppAccess',
      arn: `arn:aws:iam::${accountId}:policy/AppAccess`,
      document: { Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] },
    });
  const attach = (accountId: string) => [
    { policyName: 'AppAccess', policyArn: `arn:aws:iam::${accountId}:policy/AppAccess` },
  ];
  return [
    anAccount({
      iam: anIamSlice({
        users: [person('a.one', { attachedPolicies: attach('111111111111') })],
        policies: [cmp('111111111111', 's3:GetObject')],
      }),
    }),
    anAccount({
      id: '222222222222',
      iam: anIamSlice({
        accountId: '222222222222',
        users: [person('b.two', { accountId: '222222222222', attachedPolicies: attach('222222222222') })],
        policies: [cmp('222222222222', 's3:PutObject')],
      }),
    }),
  ];
}
