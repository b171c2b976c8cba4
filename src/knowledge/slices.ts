import type { Slice } from '../inventory/collection.js';
import { readSliceAt, SLICE_TABLE, type SliceName } from '../inventory/slice-table.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';

export type { SliceData, SliceName, SliceNameOf } from '../inventory/slice-table.js';

/** Finds a slice in the snapshot through the slice table; account slices need the account. */
export function lookupSlice(snapshot: Snapshot, name: SliceName, account?: Account): Slice<unknown> {
  if (SLICE_TABLE[name].scope === 'organization') return readSliceAt(snapshot, name);
  if (!account) throw new Error(`slice ${name} is per account; an organization rule cannot require it`);
  return readSliceAt(account, name);
}
