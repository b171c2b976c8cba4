import { isRecord } from './mark-not-collected.js';
import type { JsonDocument } from './upgrade-chain.js';

/**
 * Why a version 3 file's searched regions are not known: keysweep 3 searched each account in the scan's
 * Identity Center region (--sso-region, else the SDK region) and did not record it.
 */
export const ACCOUNT_INSTANCE_REGIONS_V3_REASON =
  'snapshot schema 3 did not record it (that scan searched only its Identity Center region, --sso-region or the SDK region)';

/**
 * Snapshot 3 → 4, regions searched for account instances (issue 24): schema 4's `iam.identityCenterInstances`
 * data is `{ regionsSearched, regionsSearchedUnknown, regionsNotRead, instances }`, schema 3's was the array
 * of instances, read in ONE region that the file does not record. What a version 3 file can honestly claim:
 * - it found instances: they all carry the one region searched, so `regionsSearched` is that region and
 *   nothing is unknown;
 * - it found none: `regionsSearched: []` and `regionsSearchedUnknown` says the region was not recorded
 *   (no guess from the organization instance's home region: a shard job may have used another --sso-region).
 * A ListInstances failure then failed the whole slice, so `regionsNotRead` is `[]`. Slices not collected or
 * failed pass through. Pure; malformed input passes through for the schema to reject.
 */
export function addAccountInstanceRegionsToV3Snapshot(v3: JsonDocument): JsonDocument {
  const accounts = v3.accounts;
  if (!Array.isArray(accounts)) return v3;
  return { ...v3, accounts: accounts.map(upgradeAccount) };
}

function upgradeAccount(account: unknown): unknown {
  if (!isRecord(account) || !isRecord(account.iam)) return account;
  const slice = account.iam.identityCenterInstances;
  if (!isRecord(slice) || slice.status !== 'ok' || !Array.isArray(slice.data)) return account;
  const instances = slice.data;
  const regions = [
    ...new Set(instances.flatMap((i) => (isRecord(i) && typeof i.region === 'string' ? [i.region] : []))),
  ].sort();
  const known = regions.length === 1 && instances.length > 0;
  const data = {
    regionsSearched: regions,
    regionsSearchedUnknown: known ? null : ACCOUNT_INSTANCE_REGIONS_V3_REASON,
    regionsNotRead: [],
    instances,
  };
  return { ...account, iam: { ...account.iam, identityCenterInstances: { ...slice, data } } };
}
