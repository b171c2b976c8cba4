import { describe, expect, it } from 'vitest';
import {
  aGroup,
  anAccount,
  anIamSlice,
  aRole,
  aSnapshot,
  aTrustPolicy,
  aUser,
} from '../../fixtures/builders/index.js';
import { notCollected } from '../../src/inventory/collection.js';
import rule from '../../src/rules/catalog/iam-user-assumes-cross-account-roles.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW, ruleTester } from '../support/rule-tester.js';
import { USER_ARN } from './support/snapshots.js';

const HUB = '111111111111';
const admins = aGroup({
  groupName: 'admins',
  attachedPolicies: [
    { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
  ],
});
const readers = aGroup({
  groupName: 'readers',
  attachedPolicies: [{ policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
});
const jane = aUser({ userName: 'jane.doe', passwordEnabled: true, groups: ['admins'] });
const bob = aUser({ userName: 'bob.smith', passwordEnabled: true, groups: ['readers'] });
const carol = aUser({
  userName: 'carol.jones',
  passwordEnabled: true,
  inlinePolicies: [
    {
      policyName: 'assume-audit',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/audit-*' }],
      },
    },
  ],
});
const spokeRoles = (accountId: string) => [
  aRole({ accountId, roleName: 'hub-admin', trustPolicy: aTrustPolicy({ AWS: `arn:aws:iam::${HUB}:root` }) }),
  aRole({ accountId, roleName: 'audit-read', trustPolicy: aTrustPolicy({ AWS: HUB }) }),
  aRole({ accountId, roleName: 'bob-only', trustPolicy: aTrustPolicy({ AWS: USER_ARN('bob.smith') }) }),
];
const organization = (spokeRolesCollected = true) =>
  aSnapshot({
    accounts: [
      anAccount({ id: HUB, iam: anIamSlice({ users: [jane, bob, carol], groups: [admins, readers] }) }),
      anAccount({
        id: '222222222222',
        iam: {
          ...anIamSlice({ accountId: '222222222222', roles: spokeRoles('222222222222') }),
          ...(spokeRolesCollected ? {} : { roles: notCollected('test') }),
        },
      }),
      anAccount({
        id: '333333333333',
        iam: anIamSlice({ accountId: '333333333333', roles: spokeRoles('333333333333') }),
      }),
    ],
  });

ruleTester(rule, {
  valid: [
    {
      name: 'workload users are not reported',
      snapshot: aSnapshot({
        accounts: [
          anAccount({
            id: HUB,
            iam: anIamSlice({
              users: [aUser({ userName: 'ci-deploy', groups: ['admins'] })],
              groups: [admins],
            }),
          }),
          anAccount({
            id: '222222222222',
            iam: anIamSlice({ accountId: '222222222222', roles: spokeRoles('222222222222') }),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'admins reach every role trusting the hub; a user named in a trust reaches that role; inline policy scoped by name',
      snapshot: organization(),
      findings: [
        {
          resourceArn: USER_ARN('jane.doe'),
          subject: 'cross-account-roles',
          messageId: 'reachesRoles',
          data: {
            userName: 'jane.doe',
            roleCount: 4,
            accountCount: 2,
            roles:
              '222222222222/audit-read, 222222222222/hub-admin, 333333333333/audit-read, 333333333333/hub-admin',
          },
        },
        {
          resourceArn: USER_ARN('bob.smith'),
          subject: 'cross-account-roles',
          messageId: 'reachesRoles',
          data: {
            userName: 'bob.smith',
            roleCount: 2,
            accountCount: 2,
            roles: '222222222222/bob-only, 333333333333/bob-only',
          },
        },
        {
          resourceArn: USER_ARN('carol.jones'),
          subject: 'cross-account-roles',
          messageId: 'reachesRoles',
          data: {
            userName: 'carol.jones',
            roleCount: 2,
            accountCount: 2,
            roles: '222222222222/audit-read, 333333333333/audit-read',
          },
        },
      ],
    },
  ],
});

describe('iam-user-assumes-cross-account-roles advice', () => {
  it('the migration steps assign the person on each account reached', () => {
    const result = evaluate(organization(), { rules: [rule], now: FIXED_NOW });
    const jane = result.findings.find((f) => f.resourceArn === USER_ARN('jane.doe'))!;
    expect(jane.advice.migration?.kind).toBe('human-to-identity-center');
    expect(jane.advice.migration?.steps?.filter((s) => s.startsWith('Assign ')).join('\n')).toMatch(
      /account 333333333333 with a permission set hub-admin/,
    );
  });

  it('says when a spoke account’s roles were not collected', () => {
    const result = evaluate(organization(false), { rules: [rule], now: FIXED_NOW });
    const hubFinding = result.findings.find((f) => f.resourceArn === USER_ARN('jane.doe'))!;
    expect(hubFinding.message).toContain('Roles of 1 account(s) were not collected');
    expect(result.notEvaluated.map((n) => n.accountId)).toEqual(['222222222222']);
  });

  it('lists the first 25 paths in the message and every path in details', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      aRole({
        accountId: '222222222222',
        roleName: `r${String(i).padStart(2, '0')}`,
        trustPolicy: aTrustPolicy({ AWS: HUB }),
      }),
    );
    const snapshot = aSnapshot({
      accounts: [
        anAccount({ id: HUB, iam: anIamSlice({ users: [jane], groups: [admins] }) }),
        anAccount({ id: '222222222222', iam: anIamSlice({ accountId: '222222222222', roles: many }) }),
      ],
    });
    const [finding] = evaluate(snapshot, { rules: [rule], now: FIXED_NOW }).findings;
    expect(finding?.message).toContain('222222222222/r24 and 5 more.');
    expect(String(finding?.details.roles).split(', ')).toHaveLength(30);
  });
});
