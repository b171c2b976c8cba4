import { type IdentitystoreClient, paginateListUsers } from '@aws-sdk/client-identitystore';
import {
  type InstanceMetadata,
  paginateListApplications,
  paginateListInstances,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { AccountInstance } from '../../inventory/account-instances-schema.js';
import { describeAwsError } from '../aws-error.js';

export interface AccountInstancesInput {
  /** sso-admin with the member account's credentials, in the scan's Identity Center region. */
  sso: SSOAdminClient;
  identityStore: IdentitystoreClient;
  accountId: string;
  region: string;
  /**
   * The organization's management account: the instance it owns is the organization instance, never an
   * account instance. null for a standalone account (any instance it owns is its own).
   */
  managementAccountId: string | null;
}

/**
 * The account instances of Identity Center owned by one account: `ListInstances` with that account's
 * credentials, keeping only instances whose OwnerAccountId is the account (the organization instance,
 * visible from the management account, is never one). Each one's users and applications are counted
 * where readable; what could not be read is listed in `unread`, never counted as zero.
 * A ListInstances error propagates (the slice fails).
 */
export async function collectAccountInstances(input: AccountInstancesInput): Promise<AccountInstance[]> {
  const instances: InstanceMetadata[] = [];
  for await (const page of paginateListInstances({ client: input.sso }, {})) {
    instances.push(...(page.Instances ?? []));
  }
  if (input.accountId === input.managementAccountId) return [];
  const owned = instances.filter((i) => i.InstanceArn && i.OwnerAccountId === input.accountId);
  const result: AccountInstance[] = [];
  for (const instance of owned) {
    const instanceArn = instance.InstanceArn ?? '';
    const unread: string[] = [];
    const users = instance.IdentityStoreId
      ? await count(
          async () => {
            let n = 0;
            for await (const page of paginateListUsers(
              { client: input.identityStore },
              { IdentityStoreId: instance.IdentityStoreId },
            )) {
              n += page.Users?.length ?? 0;
            }
            return n;
          },
          'users',
          unread,
        )
      : noIdentityStore(unread);
    const applications = await count(
      async () => {
        let n = 0;
        for await (const page of paginateListApplications(
          { client: input.sso },
          { InstanceArn: instanceArn },
        )) {
          n += page.Applications?.length ?? 0;
        }
        return n;
      },
      'applications',
      unread,
    );
    result.push({
      instanceArn,
      identityStoreId: instance.IdentityStoreId ?? null,
      ownerAccountId: input.accountId,
      name: instance.Name ?? null,
      status: instance.Status ?? null,
      createdDate: instance.CreatedDate ? instance.CreatedDate.toISOString() : null,
      region: input.region,
      users,
      applications,
      unread,
    });
  }
  return result;
}

async function count(read: () => Promise<number>, what: string, unread: string[]): Promise<number | null> {
  try {
    return await read();
  } catch (error) {
    const { code, message } = describeAwsError(error);
    unread.push(`${what}: ${code}: ${message}`);
    return null;
  }
}

function noIdentityStore(unread: string[]): null {
  unread.push('users: the instance has no identity store id');
  return null;
}
