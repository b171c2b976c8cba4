import { actionsOfCollector, type CollectorId } from '../inventory/slice-table.js';
import { collectAccountIam } from './iam/collect-account-iam.js';
import { collectRootCredentialsAudit } from './iam/root-credentials-audit.js';
import { collectAccountUsage } from './iam-usage/collect-account-usage.js';
import { collectAccountInstances } from './identity-center/account-instances.js';
import { collectIdentityCenter } from './identity-center/collect-identity-center.js';
import { collectCentralizedRootAccess } from './organizations/collect-organization.js';

/**
 * The collector behind each slice table `collector` id, with the actions it declares: read from the rows
 * it fills, so a row is the one place a slice's actions are written. The type makes a row naming an
 * unknown collector fail to compile; the collectors' tests hold the SDK commands they send inside these.
 */
export const SLICE_COLLECTORS = {
  organization: {
    collect: collectCentralizedRootAccess,
    declaredActions: actionsOfCollector('organization'),
  },
  'account-iam': { collect: collectAccountIam, declaredActions: actionsOfCollector('account-iam') },
  'account-usage': { collect: collectAccountUsage, declaredActions: actionsOfCollector('account-usage') },
  'identity-center': {
    collect: collectIdentityCenter,
    declaredActions: actionsOfCollector('identity-center'),
  },
  'account-identity-center': {
    collect: collectAccountInstances,
    declaredActions: actionsOfCollector('account-identity-center'),
  },
  'root-audit': { collect: collectRootCredentialsAudit, declaredActions: actionsOfCollector('root-audit') },
} as const satisfies Record<
  CollectorId,
  { collect: (...args: never[]) => unknown; declaredActions: readonly string[] }
>;
