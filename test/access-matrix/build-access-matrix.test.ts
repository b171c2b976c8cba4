import { describe, expect, it } from 'vitest';
import {
  aGroup,
  aManagedPolicy,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import { buildAccessMatrix } from '../../src/access-matrix/access-matrix.js';
import { failed, notCollected } from '../../src/inventory/collection.js';

const adminPolicy = aManagedPolicy({
  policyName: 'Everything',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
});
const everything = { policyName: 'Everything', policyArn: adminPolicy.arn };

describe('buildAccessMatrix', () => {
  it('admin through a customer managed "*:*" policy attached to a group', () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [aUser({ userName: 'jane.doe', passwordEnabled: true, groups: ['ops'] })],
            groups: [aGroup({ groupName: 'ops', attachedPolicies: [everything] })],
            policies: [adminPolicy],
          }),
        }),
      ],
    });
    expect(buildAccessMatrix(snapshot).rows).toEqual([
      {
        principal: 'jane.doe',
        principalKind: 'person',
        accountId: '111111111111',
        accountName: 'account-111111111111',
        path: 'iam-user',
        via: 'arn:aws:iam::111111111111:user/jane.doe',
        permission: 'Everything',
        adminEquivalent: true,
        // usage not built for this snapshot: not known
        used: null,
        // how the user reaches the account (issue 24): only the console password here
        credentials: 'console password',
      },
    ]);
  });

  it('says unknown (null) when the policies or groups behind a user were not collected', () => {
    const iam = anIamSlice({
      users: [
        aUser({ userName: 'jane.doe', passwordEnabled: true, attachedPolicies: [everything] }),
        aUser({ userName: 'john.roe', passwordEnabled: true, groups: ['ops'] }),
      ],
    });
    const snapshot = aSnapshot({
      accounts: [
        anAccount({ iam: { ...iam, policies: failed('AccessDenied', 'denied'), groups: notCollected('x') } }),
      ],
    });
    const matrix = buildAccessMatrix(snapshot);
    expect(matrix.rows.map((r) => [r.principal, r.adminEquivalent])).toEqual([
      ['jane.doe', null],
      ['john.roe', null],
    ]);
    expect(matrix.unknown).toContainEqual({ accountId: '111111111111', slice: 'iam.groups', reason: 'x' });
  });

  it('lists Identity Center as unknown when assignments failed, and drops deleted principals', () => {
    const set = aPermissionSet({ name: 'ReadOnly' });
    const withOrphan = aSnapshot({
      identityCenter: anIdentityCenter({
        permissionSets: [set],
        assignments: [
          {
            accountId: '111111111111',
            permissionSetArn: set.arn,
            principalType: 'USER',
            principalId: 'u-gone',
          },
        ],
      }),
    });
    expect(buildAccessMatrix(withOrphan).rows.filter((r) => r.path === 'identity-center')).toEqual([]);
    const denied = aSnapshot({
      identityCenter: {
        ...anIdentityCenter(),
        assignments: failed('AccessDenied', 'no sso:ListAccountAssignments'),
      },
    });
    expect(buildAccessMatrix(denied).unknown).toEqual([
      { accountId: null, slice: 'sso.assignments', reason: 'AccessDenied: no sso:ListAccountAssignments' },
    ]);
  });
});

describe('the "used" column', () => {
  it('shows what each row’s principal used, read from the Identity Center role for Identity Center rows', async () => {
    const { loadDemoSnapshot } = await import('../../src/demo/demo-snapshot.js');
    const matrix = buildAccessMatrix(await loadDemoSnapshot());
    const row = (path: string, principal: string, permission: string) =>
      matrix.rows.find(
        (r) =>
          r.path === path &&
          r.principal === principal &&
          r.permission === permission &&
          r.accountId === '100000000001',
      );
    expect(row('iam-user', 'alice.ops0', 'AdministratorAccess')?.used).toBe(
      's3 2026-11-19, ec2 2026-11-18, cloudwatch 2026-11-16',
    );
    expect(row('identity-center', 'grace@example.com', 'SecurityAudit')?.used).toBe('none in 90 days');
    expect(row('identity-center', 'grace@example.com', 'AdministratorAccess')?.used).toMatch(/^s3 /);
    // Accounts without Identity Center roles for a set, or without evidence: not known, never "none".
    expect(matrix.rows.filter((r) => r.used === null).length).toBeGreaterThan(0);
  });
});
