import { paginateListRegions, type SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { failed, notCollected, ok, type Slice } from '../../inventory/collection.js';
import type { IdentityCenterRegion } from '../../inventory/identity-center-regions-schema.js';
import { describeAwsError } from '../aws-error.js';
import { endpointLacksApi } from './endpoint-lacks-api.js';

/**
 * The instance's regions (multi-Region Identity Center), one ListRegions listing that says which is the
 * primary region (DescribeRegion would only repeat it per region). An endpoint without the API makes the
 * slice "not collected" (never a single-region answer); any other error fails it.
 */
export async function collectRegions(
  sso: SSOAdminClient,
  instanceArn: string,
): Promise<Slice<IdentityCenterRegion[]>> {
  try {
    const regions: IdentityCenterRegion[] = [];
    for await (const page of paginateListRegions({ client: sso }, { InstanceArn: instanceArn })) {
      for (const region of page.Regions ?? []) {
        if (!region.RegionName) continue;
        regions.push({
          regionName: region.RegionName,
          status: region.Status ?? null,
          addedDate: region.AddedDate ? region.AddedDate.toISOString() : null,
          primary: region.IsPrimaryRegion === true,
        });
      }
    }
    return ok(regions);
  } catch (error) {
    const { code, message } = describeAwsError(error);
    if (endpointLacksApi({ code, message })) {
      return notCollected(`ListRegions is not available at this endpoint (${code}): regions not collected`);
    }
    return failed(code, `ListRegions: ${message}`);
  }
}
