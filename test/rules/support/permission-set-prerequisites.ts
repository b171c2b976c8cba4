import {
  aManagedPolicy,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aSnapshot,
} from '../../../fixtures/builders/index.js';
import type { ManagedPolicy } from '../../../src/inventory/iam-schema.js';
import type { Snapshot } from '../../../src/inventory/snapshot-schema.js';
import { assignment, STORE } from './identity-center.js';

export const DATA_LAKE = aPermissionSet({
  name: 'DataLake',
  customerManagedPolicies: [{ name: 'DataLakeAccess', path: '/' }],
  permissionsBoundary: { managedPolicyArn: null, customerManagedPolicy: { name: 'Boundary', path: '/' } },
});

export const lakePolicy = (accountId: string, actions: string[] = ['s3:GetObject']): ManagedPolicy =>
  aManagedPolicy({
    policyName: 'DataLakeAccess',
    arn: `arn:aws:iam::${accountId}:policy/DataLakeAccess`,
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] },
  });
export const boundary = (accountId: string): ManagedPolicy =>
  aManagedPolicy({ policyName: 'Boundary', arn: `arn:aws:iam::${accountId}:policy/Boundary` });

/** DataLake assigned in 111111111111 and 222222222222, each account with the given policies. */
export function twoAssignedAccounts(policies: Record<string, ManagedPolicy[]>): Snapshot {
  const ids = ['111111111111', '222222222222'];
  return aSnapshot({
    accounts: ids.map((id) =>
      anAccount({ id, iam: anIamSlice({ accountId: id, policies: policies[id] ?? [] }) }),
    ),
    identityCenter: anIdentityCenter({
      permissionSets: [DATA_LAKE],
      assignments: ids.map((id) => assignment(DATA_LAKE.arn, 'g-admins', 'GROUP', id)),
      identityStore: STORE,
    }),
  });
}
