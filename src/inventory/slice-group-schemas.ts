import { z } from 'zod';
import { type SliceSchema, slice } from './collection.js';
import { SLICE_NAMES, SLICE_TABLE, type SliceName } from './slice-table.js';

/**
 * The snapshot's slice fields, built from the slice table: each row becomes the field at its location
 * (`iam.users` under an account, `identityCenter.instance` and `organization.centralizedRootAccess` under
 * the snapshot), the ok/failed/not_collected union around the row's data schema, in row order. A slice
 * is written once, as its row; the snapshot schema and the types inferred from it follow.
 */

type Row<N extends SliceName> = (typeof SLICE_TABLE)[N];
/** The groups slices live in: `iam` under an account, `organization` and `identityCenter` under the snapshot. */
export type SliceGroup = Row<SliceName>['location'][0];
type GroupOf<N extends SliceName> = Row<N>['location'] extends readonly [infer G, string] ? G : never;
type KeyOf<N extends SliceName> = Row<N>['location'] extends readonly [string, infer K extends string]
  ? K
  : never;

/** The zod shape of one group's slice fields, keyed by the second part of each row's location. */
export type SliceGroupShape<G extends SliceGroup> = {
  [N in SliceName as GroupOf<N> extends G ? KeyOf<N> : never]: SliceSchema<Row<N>['schema']>;
};

export function sliceGroupShape<G extends SliceGroup>(group: G): SliceGroupShape<G> {
  const rows = SLICE_NAMES.filter((name) => SLICE_TABLE[name].location[0] === group);
  return Object.fromEntries(
    rows.map((name) => [SLICE_TABLE[name].location[1], slice(SLICE_TABLE[name].schema)]),
  ) as SliceGroupShape<G>;
}

/** An account's slices (`iam.*` rows). */
export const iamSliceSchema = z.object(sliceGroupShape('iam'));
export type IamSlice = z.infer<typeof iamSliceSchema>;

/** The organization's Identity Center slices (`sso.*` rows). */
export const identityCenterSliceSchema = z.object(sliceGroupShape('identityCenter'));
export type IdentityCenterSlice = z.infer<typeof identityCenterSliceSchema>;
