import type { Slice } from '../inventory/collection.js';
import type { SliceData, SliceName, SliceNameOf } from '../inventory/slice-table.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';

/** What a rule or derivation may know about the organization without reading a slice: its structure. */
export interface OrganizationFacts {
  id: string | null;
  managementAccountId: string | null;
  featureSet: Snapshot['organization']['featureSet'];
  /** Accounts in the snapshot (scanned or not). */
  accountCount: number;
  /** When the inventory was collected: the clock of derivations, which have no `now` of their own. */
  collectedAt: string;
}

/** An account without its slices: who it is and whether keysweep got in. */
export type AccountFacts = Omit<Account, 'iam'>;

type Declared<N extends SliceName, S extends 'organization' | 'account'> = Extract<N, SliceNameOf<S>>;

/**
 * What a derivation reads: only the slices it declared, each with its collection status, so it can say
 * "unknown" where a slice was not collected instead of treating it as empty.
 */
export interface DerivationInput<N extends SliceName> {
  readonly organization: OrganizationFacts;
  slice<K extends Declared<N, 'organization'>>(name: K): Slice<SliceData[K]>;
  readonly accounts: ReadonlyArray<{
    readonly account: AccountFacts;
    slice<K extends Declared<N, 'account'>>(name: K): Slice<SliceData[K]>;
  }>;
}

/**
 * A shared analysis of the inventory that rules read (the migration planner, root advice): a peer of
 * the rules, it declares the slices it reads like a rule does. Computed once per evaluation.
 *
 * A derivation declares `reads` in a rule's sense: slices it may read, each with its collection status,
 * saying "unknown" itself where one was not collected (a derivation is never "not evaluated": the rules
 * that read it declare their own `requires`). It has no `requires`: none needs a slice to say anything at all,
 * and a rule that cannot be evaluated without a slice requires it itself.
 */
export interface Derivation<T, N extends SliceName = SliceName> {
  readonly id: string;
  /** The slices the derivation may read (with their status); reading any other throws. */
  readonly reads: readonly N[];
  derive(input: DerivationInput<N>): T;
}

export function defineDerivation<T, N extends SliceName>(definition: Derivation<T, N>): Derivation<T, N> {
  return definition;
}

/** Reads a derivation; the engine memoises it per evaluation. */
export type Derive = <T, N extends SliceName>(derivation: Derivation<T, N>) => T;

/** The one slice reader, shared with the rules' engine and every consumer. */
export { collectedData, sliceGap } from '../inventory/slice-reader.js';
