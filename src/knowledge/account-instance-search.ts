import type { AccountInstancesSlice } from '../inventory/account-instances-schema.js';

/** The flag that widens the account instance search to every region enabled for the account. */
export const WIDEN_INSTANCE_SEARCH = '--instance-regions';

/**
 * Where an account's instances were looked for, as one phrase for a finding or the runbook:
 * "eu-west-1, us-east-1", with the regions whose ListInstances failed and what a snapshot did not record.
 * Never empty: "no region" when nothing was searched.
 */
export function regionsSearchedText(search: AccountInstancesSlice): string {
  const parts = [search.regionsSearched.length > 0 ? search.regionsSearched.join(', ') : 'no region'];
  if (search.regionsSearchedUnknown !== null)
    parts.push(`other regions not recorded: ${search.regionsSearchedUnknown}`);
  if (search.regionsNotRead.length > 0)
    parts.push(`not read: ${search.regionsNotRead.map((r) => `${r.region} (${r.code})`).join(', ')}`);
  return parts.join('; ');
}
