import type { CollectorId } from '../inventory/slice-table.js';
import { collectAccountIam } from './iam/collect-account-iam.js';
import { IAM_REQUIRED_ACTIONS } from './iam/required-actions.js';
import { collectRootCredentialsAudit, ROOT_AUDIT_REQUIRED_ACTIONS } from './iam/root-credentials-audit.js';
import { collectAccountUsage } from './iam-usage/collect-account-usage.js';
import { USAGE_REQUIRED_ACTIONS } from './iam-usage/required-actions.js';
import {
  ACCOUNT_INSTANCES_REQUIRED_ACTIONS,
  collectAccountInstances,
} from './identity-center/account-instances.js';
import { collectIdentityCenter } from './identity-center/collect-identity-center.js';
import { IDENTITY_CENTER_REQUIRED_ACTIONS } from './identity-center/required-actions.js';
import { collectCentralizedRootAccess } from './organizations/collect-organization.js';
import { ORGANIZATIONS_REQUIRED_ACTIONS } from './organizations/required-actions.js';

/**
 * The collector behind each slice table `collector` id, with the actions it declares. The type makes
 * a row naming an unknown collector fail to compile; a test checks each row's actions against the
 * collector's declaration.
 */
export const SLICE_COLLECTORS = {
  organization: { collect: collectCentralizedRootAccess, declaredActions: ORGANIZATIONS_REQUIRED_ACTIONS },
  'account-iam': { collect: collectAccountIam, declaredActions: IAM_REQUIRED_ACTIONS },
  'account-usage': { collect: collectAccountUsage, declaredActions: USAGE_REQUIRED_ACTIONS },
  'identity-center': { collect: collectIdentityCenter, declaredActions: IDENTITY_CENTER_REQUIRED_ACTIONS },
  'account-identity-center': {
    collect: collectAccountInstances,
    declaredActions: ACCOUNT_INSTANCES_REQUIRED_ACTIONS,
  },
  'root-audit': { collect: collectRootCredentialsAudit, declaredActions: ROOT_AUDIT_REQUIRED_ACTIONS },
} as const satisfies Record<
  CollectorId,
  { collect: (...args: never[]) => unknown; declaredActions: readonly string[] }
>;
