import type { PermissionSet } from '../../inventory/identity-center-schema.js';
import { collectedData } from '../../inventory/slice-reader.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import {
  describeMissing,
  hasPolicy,
  type PolicyReference,
  permissionSetsNotAssignable,
} from '../../knowledge/permission-set-prerequisites.js';
import type { PlanPermissionSet } from '../plan-schema.js';

/** Whether the kit may assign a permission set in an account (issue 24: its policies must exist there). */
export type AssignmentPrerequisites =
  | { status: 'ready' }
  /** A referenced customer managed policy or boundary is missing there: the kit does not assign it. */
  | { status: 'blocked'; missing: PolicyReference[]; steps: string[] }
  /** The account's policies (or the permission sets) were not collected: assigned, with a warning. */
  | { status: 'unknown'; reason: string };

/**
 * For the kit's permission sets: what each needs in an account before it can be assigned there. An
 * existing set is checked as Identity Center holds it (its policies by name and path, and its boundary,
 * src/knowledge/permission-set-prerequisites.ts); the kit's own customer managed policy references are
 * written with path "/" (terraform/identity-center-tf.ts), so they are checked at "/".
 */
export function assignmentPrerequisites(
  snapshot: Snapshot,
  permissionSets: readonly PlanPermissionSet[],
): (accountId: string, permissionSet: string) => AssignmentPrerequisites {
  const byName = new Map(permissionSets.map((s) => [s.name, s]));
  const existingSets = collectedData(snapshot.identityCenter.permissionSets);
  return (accountId, name) => {
    const set = byName.get(name);
    if (!set) return { status: 'ready' };
    const existing: PermissionSet | undefined =
      set.arn !== null ? existingSets?.find((s) => s.arn === set.arn) : undefined;
    const kitReferences: PolicyReference[] = set.customerManagedPolicies.map((policyName) => ({
      kind: 'customer-managed-policy',
      name: policyName,
      path: '/',
    }));
    const referencesSomething =
      kitReferences.length > 0 ||
      (existing !== undefined &&
        (existing.customerManagedPolicies.length > 0 || existing.permissionsBoundary?.customerManagedPolicy));
    if (!referencesSomething) return { status: 'ready' };
    const account = snapshot.accounts.find((a) => a.id === accountId);
    const policies = account && collectedData(account.iam.policies);
    if (!account || !policies)
      return {
        status: 'unknown',
        reason: account
          ? `iam.policies of account ${accountId} was not collected`
          : `account ${accountId} is not in the snapshot`,
      };
    const missing: PolicyReference[] = [];
    const seen = new Set<string>();
    const note = (reference: PolicyReference) => {
      const key = `${reference.kind}|${reference.path}${reference.name}`;
      if (!seen.has(key)) {
        seen.add(key);
        missing.push(reference);
      }
    };
    if (existing) {
      const known = permissionSetsNotAssignable(snapshot, accountId, [existing.arn]);
      if (!known.known) return { status: 'unknown', reason: known.reason };
      for (const entry of known.notAssignable) for (const reference of entry.missing) note(reference);
    }
    for (const reference of kitReferences) if (!hasPolicy(policies, reference)) note(reference);
    if (missing.length === 0) return { status: 'ready' };
    return {
      status: 'blocked',
      missing,
      steps: describeMissing(accountId, {
        permissionSetArn: set.arn ?? '',
        permissionSetName: set.name,
        missing,
      }),
    };
  };
}
