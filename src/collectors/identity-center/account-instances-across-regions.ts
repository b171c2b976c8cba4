import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { AccountInstancesSlice, RegionNotRead } from '../../inventory/account-instances-schema.js';
import { describeAwsError } from '../aws-error.js';
import { collectAccountInstances } from './account-instances.js';

/** Clients with one account's credentials in one region; `destroy` is called once the region is read. */
export interface RegionClients {
  sso: SSOAdminClient;
  identityStore: IdentitystoreClient;
  destroy(): void;
}

export interface AccountInstancesAcrossRegionsInput {
  /** The regions to search (duplicates are searched once). */
  regions: readonly string[];
  clientsIn(region: string): RegionClients;
  accountId: string;
  managementAccountId: string | null;
}

/**
 * The account instances of Identity Center an account owns, searched region by region (a member account
 * can create its account instance in any enabled region). Regions are read one after the other (the
 * account's other slices already run in parallel across accounts). A region whose ListInstances fails is
 * listed in `regionsNotRead` — never counted as "no instance there"; when every region fails, the first
 * error propagates and the slice fails.
 */
export async function collectAccountInstancesAcrossRegions(
  input: AccountInstancesAcrossRegionsInput,
): Promise<AccountInstancesSlice> {
  const regions = [...new Set(input.regions)].sort();
  const regionsSearched: string[] = [];
  const regionsNotRead: RegionNotRead[] = [];
  const instances: AccountInstancesSlice['instances'] = [];
  let firstError: unknown;
  for (const region of regions) {
    const clients = input.clientsIn(region);
    try {
      instances.push(
        ...(await collectAccountInstances({
          sso: clients.sso,
          identityStore: clients.identityStore,
          accountId: input.accountId,
          region,
          managementAccountId: input.managementAccountId,
        })),
      );
      regionsSearched.push(region);
    } catch (error) {
      firstError ??= error;
      const { code, message } = describeAwsError(error);
      regionsNotRead.push({ region, code, message });
    } finally {
      clients.destroy();
    }
  }
  if (regionsSearched.length === 0 && firstError !== undefined) throw firstError;
  return { regionsSearched, regionsSearchedUnknown: null, regionsNotRead, instances };
}

/**
 * The default regions to search: the scan's Identity Center region plus the organization instance's other
 * regions where `sso.regions` was read (undefined: not known in this job, e.g. another shard collects it).
 */
export function defaultInstanceRegions(
  identityCenterRegion: string,
  organizationInstanceRegions: readonly string[] | undefined,
): string[] {
  return [...new Set([identityCenterRegion, ...(organizationInstanceRegions ?? [])])].sort();
}
