import { APPLICATION_ACCESS } from './application-access.js';
import { CROSS_ACCOUNT_REACH } from './cross-account-reach.js';
import type { Derivation } from './derivation.js';
import { IDENTITY_CENTER_GRANTS } from './identity-center-access.js';
import { ACCOUNTS_WITHOUT_LISTED_ASSIGNMENTS } from './identity-store-provisioning.js';
import { MIGRATION_PLAN } from './migration-planner.js';
import { ORGANIZATION_ACCOUNT_IDS } from './organization-account-ids.js';
import { PERMISSION_SET_PREREQUISITES } from './permission-set-prerequisites-derivation.js';
import { ROOT_ADVICE } from './root-advice.js';

/**
 * Every derivation rules may ask for: a scan that lets go of account inventories as it goes computes
 * them all first (a test holds this list equal to the derivations defined in src/).
 */
export const ALL_DERIVATIONS: readonly Derivation<unknown, never>[] = [
  ORGANIZATION_ACCOUNT_IDS,
  CROSS_ACCOUNT_REACH,
  IDENTITY_CENTER_GRANTS,
  ROOT_ADVICE,
  MIGRATION_PLAN,
  PERMISSION_SET_PREREQUISITES,
  ACCOUNTS_WITHOUT_LISTED_ASSIGNMENTS,
  APPLICATION_ACCESS,
] as unknown as readonly Derivation<unknown, never>[];
