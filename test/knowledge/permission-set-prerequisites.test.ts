import { describe, expect, it } from 'vitest';
import {
  aManagedPolicy,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aSnapshot,
} from '../../fixtures/builders/index.js';
import { failed } from '../../src/inventory/collection.js';
import {
  describeMissing,
  pathOfPolicy,
  permissionSetsNotAssignable,
} from '../../src/knowledge/permission-set-prerequisites.js';

const DATA = '111111111111';
const OTHER = '222222222222';
const lake = aPermissionSet({
  name: 'DataLake',
  customerManagedPolicies: [{ name: 'DataLakeAccess', path: '/teams/' }],
  permissionsBoundary: {
    managedPolicyArn: null,
    customerManagedPolicy: { name: 'DeveloperBoundary', path: '/' },
  },
});
const plain = aPermissionSet({ name: 'ReadOnly' });
const policy = (accountId: string, name: string, path = '/') =>
  aManagedPolicy({ policyName: name, arn: `arn:aws:iam::${accountId}:policy${path}${name}` });

function organization(otherPolicies = [policy(OTHER, 'DeveloperBoundary')]) {
  return aSnapshot({
    accounts: [
      anAccount({
        id: DATA,
        iam: anIamSlice({
          accountId: DATA,
          policies: [policy(DATA, 'DataLakeAccess', '/teams/'), policy(DATA, 'DeveloperBoundary')],
        }),
      }),
      anAccount({ id: OTHER, iam: anIamSlice({ accountId: OTHER, policies: otherPolicies }) }),
    ],
    identityCenter: anIdentityCenter({ permissionSets: [lake, plain] }),
  });
}

describe('permissionSetsNotAssignable', () => {
  it('reads a policy path from its ARN', () => {
    expect(pathOfPolicy(policy(DATA, 'DataLakeAccess', '/teams/'))).toBe('/teams/');
    expect(pathOfPolicy(policy(DATA, 'DeveloperBoundary'))).toBe('/');
  });

  it('an account holding every referenced policy (name and path) can take every set', () => {
    expect(permissionSetsNotAssignable(organization(), DATA)).toEqual({ known: true, notAssignable: [] });
  });

  it('names the set and each missing policy; a policy at another path does not count', () => {
    const result = permissionSetsNotAssignable(
      organization([policy(OTHER, 'DataLakeAccess', '/'), policy(OTHER, 'DeveloperBoundary')]),
      OTHER,
    );
    expect(result).toEqual({
      known: true,
      notAssignable: [
        {
          permissionSetArn: lake.arn,
          permissionSetName: 'DataLake',
          missing: [{ kind: 'customer-managed-policy', name: 'DataLakeAccess', path: '/teams/' }],
        },
      ],
    });
    if (!result.known) throw new Error('unknown');
    expect(describeMissing(OTHER, result.notAssignable[0]!)).toEqual([
      `Create the customer managed policy /teams/DataLakeAccess in account ${OTHER} before assigning permission set DataLake.`,
    ]);
  });

  it('a missing boundary makes the set not assignable too', () => {
    const result = permissionSetsNotAssignable(organization([]), OTHER, [lake.arn]);
    expect(result.known && result.notAssignable[0]?.missing.map((m) => m.kind)).toEqual([
      'customer-managed-policy',
      'permissions-boundary',
    ]);
  });

  it('says unknown, never "assignable", when the account’s policies were not collected', () => {
    const snapshot = organization();
    snapshot.accounts[1]!.iam.policies = failed('AccessDenied', 'denied');
    expect(permissionSetsNotAssignable(snapshot, OTHER)).toEqual({
      known: false,
      reason: `iam.policies of account ${OTHER} was not collected`,
    });
  });
});
