import {
  type ProvisioningStatus,
  paginateListAccountAssignments,
  paginateListAccountsForProvisionedPermissionSet,
  type AccountAssignment as SdkAssignment,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import pLimit from 'p-limit';
import type { AccountAssignment, Provisioning } from '../../inventory/identity-center-schema.js';

export class ProvisioningFilterIgnored extends Error {
  override readonly name = 'ProvisioningStatusFilterIgnored';
}

async function accountsWithStatus(
  sso: SSOAdminClient,
  instanceArn: string,
  permissionSetArn: string,
  status: ProvisioningStatus,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListAccountsForProvisionedPermissionSet(
    { client: sso },
    { InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, ProvisioningStatus: status },
  )) {
    ids.push(...(page.AccountIds ?? []));
  }
  return ids;
}

export interface ProvisioningResult {
  /** Every (permission set, account) pair where the set is provisioned, current or outdated. */
  provisioned: Array<{ permissionSetArn: string; accountId: string }>;
  /** Null when the current/outdated split is unknown because the service ignored the status filter. */
  statuses: Provisioning[] | null;
}

/**
 * Two calls per permission set: accounts where the latest version is provisioned, and accounts where it
 * is not (outdated). An account in both lists means the filter was ignored (moto does this); the
 * provisioned pairs are still right, but current vs outdated is unknown and is not guessed.
 */
export async function collectProvisioning(
  sso: SSOAdminClient,
  instanceArn: string,
  permissionSetArns: string[],
  inScope: (accountId: string) => boolean,
): Promise<ProvisioningResult> {
  const limit = pLimit(4);
  const perSet = await Promise.all(
    permissionSetArns.map((arn) =>
      limit(async () => ({
        arn,
        current: await accountsWithStatus(sso, instanceArn, arn, 'LATEST_PERMISSION_SET_PROVISIONED'),
        outdated: await accountsWithStatus(sso, instanceArn, arn, 'LATEST_PERMISSION_SET_NOT_PROVISIONED'),
      })),
    ),
  );
  let filterIgnored = false;
  const provisioned: ProvisioningResult['provisioned'] = [];
  const statuses: Provisioning[] = [];
  for (const { arn, current, outdated } of perSet) {
    const outdatedSet = new Set(outdated);
    if (current.some((id) => outdatedSet.has(id))) filterIgnored = true;
    for (const accountId of new Set([...current, ...outdated])) {
      if (!inScope(accountId)) continue;
      provisioned.push({ permissionSetArn: arn, accountId });
      statuses.push({
        permissionSetArn: arn,
        accountId,
        status: outdatedSet.has(accountId) ? 'outdated' : 'current',
      });
    }
  }
  const order = (a: { permissionSetArn: string; accountId: string }, b: typeof a) =>
    a.permissionSetArn.localeCompare(b.permissionSetArn) || a.accountId.localeCompare(b.accountId);
  return { provisioned: provisioned.sort(order), statuses: filterIgnored ? null : statuses.sort(order) };
}

/**
 * Assignments exist only where a set is provisioned, so only those pairs are asked about: the cost
 * grows with provisioned pairs, not with accounts × permission sets.
 */
export async function collectAssignments(
  sso: SSOAdminClient,
  instanceArn: string,
  provisioned: ProvisioningResult['provisioned'],
): Promise<AccountAssignment[]> {
  const limit = pLimit(4);
  const lists = await Promise.all(
    provisioned.map(({ permissionSetArn, accountId }) =>
      limit(async () => {
        const found: SdkAssignment[] = [];
        for await (const page of paginateListAccountAssignments(
          { client: sso },
          { InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: permissionSetArn },
        )) {
          found.push(...(page.AccountAssignments ?? []));
        }
        return found;
      }),
    ),
  );
  return lists
    .flat()
    .filter((a) => a.PrincipalType === 'USER' || a.PrincipalType === 'GROUP')
    .map((a) => ({
      accountId: a.AccountId ?? '',
      permissionSetArn: a.PermissionSetArn ?? '',
      principalType: a.PrincipalType as 'USER' | 'GROUP',
      principalId: a.PrincipalId ?? '',
    }));
}
