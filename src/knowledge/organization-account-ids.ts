import { defineDerivation } from './derivation.js';

/**
 * The ids of the organization's accounts (scanned or not) and of its management account: what "inside
 * the organization" means for a trust policy. Structure only, so it reads no slice.
 */
export const ORGANIZATION_ACCOUNT_IDS = defineDerivation({
  id: 'organization-account-ids',
  reads: [],
  derive(input): ReadonlySet<string> {
    const ids = new Set(input.accounts.map(({ account }) => account.id));
    if (input.organization.managementAccountId) ids.add(input.organization.managementAccountId);
    return ids;
  },
});
