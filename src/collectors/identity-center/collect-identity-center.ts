import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { ListInstancesCommand, type SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { failed, notCollected, ok } from '../../inventory/collection.js';
import type { IdentityCenterInstance, IdentityCenterSlice } from '../../inventory/identity-center-schema.js';
import { identityCenterSlices } from '../../inventory/slice-placeholders.js';
import { collectSlice, describeAwsError } from '../aws-error.js';
import { collectApplicationSlices } from './applications.js';
import { collectIdentityStore } from './identity-store.js';
import { collectPermissionSets, listPermissionSetArns } from './permission-sets.js';
import { collectAssignments, collectProvisioning } from './provisioning.js';
import { collectRegions } from './regions.js';

export interface IdentityCenterInput {
  sso: SSOAdminClient;
  identityStore: IdentitystoreClient;
  region: string;
  /** Accounts in the scan: provisioning and assignments elsewhere are left out. */
  accountIds: string[];
  onNote?: (message: string) => void;
  /** Told the `sso.regions` slice as soon as it is read (account instance searches wait for it). */
  onRegions?: (regions: IdentityCenterSlice['regions']) => void;
}

/** Finds the Identity Center instance in one region and reads it; each part fails on its own. */
export async function collectIdentityCenter(input: IdentityCenterInput): Promise<IdentityCenterSlice> {
  const onNote = input.onNote ?? (() => {});
  const scope = new Set(input.accountIds);
  let instance: IdentityCenterInstance | null;
  try {
    const { Instances: instances = [] } = await input.sso.send(new ListInstancesCommand({}));
    const found = instances.find((i) => i.InstanceArn && i.IdentityStoreId);
    instance = found
      ? {
          instanceArn: found.InstanceArn ?? '',
          identityStoreId: found.IdentityStoreId ?? '',
          homeRegion: input.region,
          ownerAccountId: found.OwnerAccountId ?? null,
          status: found.Status ?? null,
        }
      : null;
  } catch (error) {
    const { code, message } = describeAwsError(error);
    const reason = `ListInstances in ${input.region}: ${message}`;
    return {
      instance: failed(code, reason),
      ...identityCenterSlices(() => failed(code, reason), ['instance']),
    };
  }
  if (!instance) {
    const reason = `no IAM Identity Center instance in ${input.region} (use --sso-region for another region)`;
    return { instance: ok(null), ...identityCenterSlices(() => notCollected(reason), ['instance']) };
  }

  const { instanceArn } = instance;
  const regions = await collectRegions(input.sso, instanceArn);
  input.onRegions?.(regions);
  const applicationSlices = await collectApplicationSlices(input.sso, instanceArn);
  const setArns = await collectSlice(() => listPermissionSetArns(input.sso, instanceArn));
  if (setArns.status !== 'ok') {
    // Without the list of sets nothing about them can be read; the identity store still can.
    return {
      instance: ok(instance),
      permissionSets: setArns,
      assignments: setArns,
      provisioning: setArns,
      identityStore: await collectSlice(() =>
        collectIdentityStore(input.identityStore, instance.identityStoreId),
      ),
      regions,
      ...applicationSlices,
    };
  }

  const [permissionSets, provisioningResult, identityStore] = await Promise.all([
    collectSlice(() => collectPermissionSets(input.sso, instanceArn, setArns.data, onNote)),
    collectSlice(() => collectProvisioning(input.sso, instanceArn, setArns.data, (id) => scope.has(id))),
    collectSlice(() => collectIdentityStore(input.identityStore, instance.identityStoreId)),
  ]);

  let provisioning: IdentityCenterSlice['provisioning'];
  let assignments: IdentityCenterSlice['assignments'];
  if (provisioningResult.status === 'ok') {
    const { provisioned, statuses } = provisioningResult.data;
    if (statuses) {
      provisioning = ok(statuses);
      assignments = await collectSlice(() => collectAssignments(input.sso, instanceArn, provisioned));
    } else {
      provisioning = failed(
        'ProvisioningStatusFilterIgnored',
        'ListAccountsForProvisionedPermissionSet returned the same account for LATEST_PERMISSION_SET_PROVISIONED and LATEST_PERMISSION_SET_NOT_PROVISIONED, so which accounts are outdated is unknown',
      );
      // An endpoint that ignores the filter (moto) also records provisioning against the wrong account,
      // so the provisioned pairs cannot narrow the search: ask every (account, permission set) pair.
      onNote(
        'provisioning status is unreliable at this endpoint; listing assignments for every account and permission set',
      );
      const everyPair = setArns.data.flatMap((permissionSetArn) =>
        input.accountIds.map((accountId) => ({ permissionSetArn, accountId })),
      );
      assignments = await collectSlice(() => collectAssignments(input.sso, instanceArn, everyPair));
    }
  } else {
    provisioning = provisioningResult;
    const reason =
      provisioningResult.status === 'failed' ? provisioningResult.error : { code: 'Error', message: '' };
    assignments = failed(
      reason.code,
      `assignments are listed per provisioned account, which could not be read: ${reason.message}`,
    );
  }
  return {
    instance: ok(instance),
    permissionSets,
    assignments,
    provisioning,
    identityStore,
    regions,
    ...applicationSlices,
  };
}
