import { anAccount, anIdentityCenter, aPermissionSet, aSnapshot } from '../../../fixtures/builders/index.js';
import { parseDeclaredDocument } from '../../../src/desired-state/load-desired-state.js';
import { resolveDesiredState } from '../../../src/desired-state/resolve-desired-state.js';
import { compareDesiredState } from '../../../src/drift/compare-desired-state.js';
import type { AccountAssignment } from '../../../src/inventory/identity-center-schema.js';
import type { Snapshot } from '../../../src/inventory/snapshot-schema.js';
import type { DesiredScope } from '../../../src/knowledge/drift/drift-items.js';
import type { RuleTestCase } from '../../support/rule-tester.js';
import { assignment, STORE } from './identity-center.js';

export const DEVELOPERS = aPermissionSet({ name: 'Developers', sessionDuration: 'PT8H' });
export const AUDIT = aPermissionSet({ name: 'Audit', managedPolicies: [] });
export const IDENTITY_STORE_ARN = 'arn:aws:identitystore::000000000000:identitystore/d-1111111111';
export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-1111111111111111';

/** Live: account app-prod (111111111111, OU Workloads), sets Developers and Audit, group admins, user jane. */
export function liveOrganization(
  assignments: AccountAssignment[] = [assignment(DEVELOPERS.arn, 'g-admins')],
): Snapshot {
  const snapshot = aSnapshot({
    accounts: [anAccount({ id: '111111111111', name: 'app-prod', ouPath: ['Workloads'] })],
    identityCenter: anIdentityCenter({
      permissionSets: [DEVELOPERS, AUDIT],
      assignments,
      identityStore: STORE,
    }),
  });
  snapshot.organization.organizationalUnits = [{ id: 'ou-ab12-workload', name: 'Workloads', parentId: null }];
  return snapshot;
}

/** The YAML header and the two live sets as declared, so a test adds only what it is about. */
export const DECLARED_SETS = `kind: keysweep.desired-state
version: 1
permissionSets:
  - name: Developers
    sessionDuration: PT8H
    managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
  - name: Audit
    sessionDuration: PT4H
`;

export const ADMINS_ON_PROD = `assignments:
  - permissionSet: Developers
    group: admins
    targets: [app-prod]
`;

/** A rule-tester case whose drift comes from the real readers and comparison. */
export function driftCase(
  desiredYaml: string,
  snapshot: Snapshot = liveOrganization(),
  scope: DesiredScope = 'all',
): Omit<RuleTestCase, 'name'> {
  const document = parseDeclaredDocument('desired.yaml', desiredYaml);
  return {
    snapshot,
    drift: compareDesiredState(snapshot, resolveDesiredState(snapshot, [document]), scope),
  };
}
