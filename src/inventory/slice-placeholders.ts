import type { Slice } from './collection.js';
import type { IamSlice } from './iam-schema.js';
import type { IdentityCenterSlice } from './identity-center-schema.js';
import { SLICE_NAMES, SLICE_TABLE, type SliceName } from './slice-table.js';

/** Builds every slice of one group (e.g. an account's `iam`) from the slice table's rows. */
function sliceGroup(
  group: string,
  make: (name: SliceName) => Slice<never> | undefined,
): Record<string, Slice<never>> {
  const slices: Record<string, Slice<never>> = {};
  for (const name of SLICE_NAMES) {
    const [rowGroup, key] = SLICE_TABLE[name].location;
    if (rowGroup !== group) continue;
    const slice = make(name);
    if (slice) slices[key] = slice;
  }
  return slices;
}

/** Every account slice, each made by `make` (e.g. not collected because the account was skipped). */
export function accountSlices(make: (name: SliceName) => Slice<never>): IamSlice {
  return sliceGroup('iam', make) as IamSlice;
}

/** The account slices of an account keysweep did not get into. */
export function accountSlicesNotCollected(reason: string): IamSlice {
  return accountSlices(() => ({ status: 'not_collected', reason }));
}

/** Identity Center slices other than those listed in `except`, each made by `make`. */
export function identityCenterSlices<E extends keyof IdentityCenterSlice = never>(
  make: (name: SliceName) => Slice<never>,
  except: readonly E[] = [],
): Omit<IdentityCenterSlice, E> {
  const skip = new Set<string>(except);
  return sliceGroup('identityCenter', (name) =>
    skip.has(SLICE_TABLE[name].location[1]) ? undefined : make(name),
  ) as unknown as Omit<IdentityCenterSlice, E>;
}
