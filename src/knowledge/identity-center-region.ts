import type { IdentityCenterSlice } from '../inventory/identity-center-schema.js';

/**
 * The region where the Identity Center instance is administered: the primary region when the instance's
 * regions were collected and one is marked primary (multi-Region Identity Center), else the region where
 * keysweep found the instance; undefined when neither is known.
 */
export function identityCenterAdminRegion(ic: IdentityCenterSlice): string | undefined {
  const primary = ic.regions.status === 'ok' ? ic.regions.data.find((r) => r.primary)?.regionName : undefined;
  if (primary) return primary;
  return ic.instance.status === 'ok' ? (ic.instance.data?.homeRegion ?? undefined) : undefined;
}

/** The instance's regions as one line ("eu-west-1 (primary), eu-central-1"), or why they are not known. */
export function identityCenterRegionsLine(ic: IdentityCenterSlice): string {
  if (ic.regions.status === 'not_collected') return `not collected (${ic.regions.reason})`;
  if (ic.regions.status === 'failed') return `not read (${ic.regions.error.code})`;
  if (ic.regions.data.length === 0) return 'none listed';
  return ic.regions.data.map((r) => `${r.regionName}${r.primary ? ' (primary)' : ''}`).join(', ');
}
