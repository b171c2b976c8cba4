import type { DesiredState } from '../desired-state/desired-state-model.js';
import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import type { DesiredScope, DriftItem, DriftReport } from '../knowledge/drift/drift-items.js';
import { compareAssignments } from './compare-assignments.js';
import { compareIdentityStore } from './compare-identity-store.js';
import { comparePermissionSets } from './compare-permission-sets.js';

/**
 * The desired state against the inventory: a pure function (no AWS, no clock), so `scan --desired` and
 * `keysweep drift` work offline from a snapshot. A slice that was not collected is a gap, never drift;
 * the drift rules that need it are reported as not evaluated by the engine.
 */
export function compareDesiredState(
  snapshot: Snapshot,
  desired: DesiredState,
  scope: DesiredScope,
): DriftReport {
  const ic = snapshot.identityCenter;
  const items: DriftItem[] = [];
  const gaps = [...desired.gaps];
  const liveSets = collectedData(ic.permissionSets) ?? null;
  const store = collectedData(ic.identityStore) ?? null;
  const liveAssignments = collectedData(ic.assignments);

  if (liveSets) items.push(...comparePermissionSets(desired.permissionSets, liveSets, scope === 'all'));
  else gaps.push('permission sets were not collected: permission-set drift is unknown');

  if (liveAssignments && liveSets) {
    const comparedSetArns =
      scope === 'all'
        ? null
        : new Set(
            [
              ...desired.permissionSets.map((s) => s.arn),
              ...desired.assignments.map((a) => a.permissionSetArn),
            ].filter((arn): arn is string => arn !== null),
          );
    const { items: assignmentItems, outsideScan } = compareAssignments({
      declared: desired.assignments,
      live: liveAssignments,
      liveSets,
      store,
      scannedAccountIds: new Set(
        snapshot.accounts.filter((a) => a.access.status !== 'skipped').map((a) => a.id),
      ),
      organizationAccountIds: new Set(snapshot.accounts.map((a) => a.id)),
      comparedSetArns,
    });
    items.push(...assignmentItems);
    if (outsideScan > 0)
      gaps.push(`${outsideScan} declared assignment(s) on accounts outside the scan were not compared`);
  } else {
    gaps.push('account assignments were not collected: assignment drift is unknown');
  }

  if (store) items.push(...compareIdentityStore(desired.groups, desired.users, store));
  else if (desired.groups.length + desired.users.length > 0 || desired.assignments.length > 0)
    gaps.push('the identity store was not collected: principal and directory drift is unknown');

  return { scope, files: desired.files, ...findingTargets(snapshot), items, gaps };
}

function findingTargets(snapshot: Snapshot): { instanceArn: string; identityStoreArn: string } {
  const data = collectedData(snapshot.identityCenter.instance) ?? null;
  const owner = snapshot.organization.managementAccountId ?? '000000000000';
  return {
    instanceArn: data?.instanceArn ?? 'arn:aws:sso:::instance/unknown',
    identityStoreArn: `arn:aws:identitystore::${owner}:identitystore/${data?.identityStoreId ?? 'unknown'}`,
  };
}
