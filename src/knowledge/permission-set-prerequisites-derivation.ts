import type { ManagedPolicy } from '../inventory/iam-schema.js';
import { collectedData, defineDerivation } from './derivation.js';
import {
  checkPermissionSetPrerequisites,
  type PermissionSetPrerequisites,
} from './permission-set-prerequisites.js';

/**
 * Customer managed policy references and boundaries of permission sets, checked in every account each set
 * is assigned to (organization-wide: a difference between accounts needs every account's copy).
 */
export const PERMISSION_SET_PREREQUISITES = defineDerivation({
  id: 'permission-set-prerequisites',
  reads: ['sso.permissionSets', 'sso.assignments', 'iam.policies'],
  derive(input): PermissionSetPrerequisites | null {
    const sets = collectedData(input.slice('sso.permissionSets'));
    const assignments = collectedData(input.slice('sso.assignments'));
    if (!sets || !assignments) return null;
    const policies = new Map<string, readonly ManagedPolicy[] | null>(
      input.accounts.map(({ account, slice }) => [account.id, collectedData(slice('iam.policies')) ?? null]),
    );
    return checkPermissionSetPrerequisites(sets, assignments, (id) => policies.get(id) ?? null);
  },
});
