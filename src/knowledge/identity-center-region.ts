import type { IdentityCenterSlice } from '../inventory/identity-center-schema.js';
import { collectedData, describeGap } from '../inventory/slice-reader.js';

/**
 * The region where the Identity Center instance is administered: the primary region when the instance's
 * regions were collected and one is marked primary (multi-Region Identity Center), else the region where
 * keysweep found the instance; undefined when neither is known.
 */
export function identityCenterAdminRegion(ic: IdentityCenterSlice): string | undefined {
  const primary = collectedData(ic.regions)?.find((r) => r.primary)?.regionName;
  if (primary) return primary;
  return collectedData(ic.instance)?.homeRegion ?? undefined;
}

/** The instance's regions as one line ("eu-west-1 (primary), eu-central-1"), or why they are not known. */
export function identityCenterRegionsLine(ic: IdentityCenterSlice): string {
  const regions = collectedData(ic.regions);
  if (!regions)
    return describeGap(ic.regions, {
      notCollected: (reason) => `not collected (${reason})`,
      failed: (error) => `not read (${error.code})`,
    }) as string;
  if (regions.length === 0) return 'none listed';
  return regions.map((r) => `${r.regionName}${r.primary ? ' (primary)' : ''}`).join(', ');
}
