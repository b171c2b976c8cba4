import { SLICE_NAMES, SLICE_TABLE } from '../inventory/slice-table.js';
import { ORGANIZATION_STRUCTURE_ACTIONS } from './organizations/required-actions.js';
import { STS_REQUIRED_ACTIONS } from './sts/required-actions.js';

/**
 * Actions of the crawl itself (who am I, the organization's accounts and OUs, into each account):
 * they fill no slice, so they are not in the slice table.
 */
export const CRAWL_ACTIONS: readonly string[] = [...STS_REQUIRED_ACTIONS, ...ORGANIZATION_STRUCTURE_ACTIONS];

/**
 * Every action keysweep calls, sorted: the crawl's plus each slice's from the slice table. The single
 * source for `keysweep policy` and the least-privilege test.
 */
export const ALL_REQUIRED_ACTIONS: readonly string[] = [
  ...new Set<string>([...CRAWL_ACTIONS, ...SLICE_NAMES.flatMap((name) => SLICE_TABLE[name].actions)]),
].sort();

// The only actions outside List*/Get*/Describe* that keysweep may call, each with why it is harmless.
const READ_ONLY_EXCEPTIONS = new Set([
  'iam:GenerateCredentialReport', // builds the report GetCredentialReport reads; changes no identity
  'sts:AssumeRole', // how keysweep gets into a member account
  // compiles a principal's service last accessed report that GetServiceLastAccessedDetails reads; changes nothing
  'iam:GenerateServiceLastAccessedDetails',
  // Only with the task policy IAMAuditRootUserCredentials (the scan policy's condition pins it): a root
  // session that can list root's credentials and nothing else.
  'sts:AssumeRoot',
]);

export function isReadOnlyAction(action: string): boolean {
  return /^[a-z-]+:(List|Get|Describe)[A-Za-z0-9]+$/.test(action) || READ_ONLY_EXCEPTIONS.has(action);
}

/** SDK client service id → IAM action prefix (sso-admin actions are sso:*). */
export const ACTION_PREFIX_BY_CLIENT: Record<string, string> = {
  IAMClient: 'iam',
  STSClient: 'sts',
  OrganizationsClient: 'organizations',
  SSOAdminClient: 'sso',
  IdentitystoreClient: 'identitystore',
  AccessAnalyzerClient: 'access-analyzer',
};

/** The IAM action an SDK command needs, e.g. ListAccessKeysCommand on IAMClient → iam:ListAccessKeys. */
export function actionForCommand(clientName: string, commandName: string): string {
  const prefix = ACTION_PREFIX_BY_CLIENT[clientName] ?? clientName;
  return `${prefix}:${commandName.replace(/Command$/, '')}`;
}

export interface ScanPolicyOptions {
  /** The role assumed in member accounts: the caller needs sts:AssumeRole on it only. */
  roleName: string;
}

/**
 * The IAM policy for whoever runs keysweep (and, minus sts:AssumeRole, for the role in each member
 * account). Read-only by construction: the test suite fails if any listed action is not.
 */
export function buildScanPolicy(options: ScanPolicyOptions) {
  const readActions = ALL_REQUIRED_ACTIONS.filter((a) => a !== 'sts:AssumeRole' && a !== 'sts:AssumeRoot');
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'KeysweepReadInventory', Effect: 'Allow', Action: readActions, Resource: '*' },
      {
        Sid: 'KeysweepAssumeScanRole',
        Effect: 'Allow',
        Action: ['sts:AssumeRole'],
        Resource: `arn:aws:iam::*:role/${options.roleName}`,
      },
      {
        // Management (or delegated) account only, with centralized root access enabled: audit-only root
        // sessions in member accounts. Without this statement the audit is recorded as failed per account.
        Sid: 'KeysweepAuditMemberRootCredentials',
        Effect: 'Allow',
        Action: ['sts:AssumeRoot'],
        Resource: 'arn:aws:iam::*:root',
        Condition: {
          StringEquals: {
            'sts:TaskPolicyArn': 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials',
          },
        },
      },
    ],
  };
}
