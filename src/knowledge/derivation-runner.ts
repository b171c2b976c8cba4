import type { SliceName } from '../inventory/slice-table.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import type { AccountFacts, Derivation, DerivationInput, Derive, OrganizationFacts } from './derivation.js';
import { lookupSlice } from './slices.js';

export function organizationFacts(snapshot: Snapshot): OrganizationFacts {
  const { id, managementAccountId, featureSet } = snapshot.organization;
  return {
    id,
    managementAccountId,
    featureSet,
    accountCount: snapshot.accounts.length,
    collectedAt: snapshot.collectedAt,
  };
}

export function accountFacts(account: Account): AccountFacts {
  const { iam: _slices, ...facts } = account;
  return facts;
}

/** The input a derivation sees: its declared slices only (a read of another slice throws). */
export function derivationInput<N extends SliceName>(
  snapshot: Snapshot,
  derivation: Derivation<unknown, N>,
): DerivationInput<N> {
  const read = (name: SliceName, account?: Account) => {
    if (!(derivation.reads as readonly SliceName[]).includes(name))
      throw new Error(`derivation ${derivation.id} reads slice ${name} without declaring it in reads`);
    return lookupSlice(snapshot, name, account);
  };
  return {
    organization: organizationFacts(snapshot),
    slice: (name) => read(name) as never,
    accounts: snapshot.accounts.map((account) => ({
      account: accountFacts(account),
      slice: (name) => read(name, account) as never,
    })),
  };
}

/** Runs a derivation on its own (tools and tests); rules go through the engine's memoised `derive`. */
export function runDerivation<T, N extends SliceName>(snapshot: Snapshot, derivation: Derivation<T, N>): T {
  return derivation.derive(derivationInput(snapshot, derivation));
}

/** `derive` for one evaluation: each derivation is computed at most once. */
export function derivationCache(snapshot: Snapshot): Derive {
  const cache = new Map<Derivation<unknown, never>, unknown>();
  return <T, N extends SliceName>(derivation: Derivation<T, N>): T => {
    const key = derivation as unknown as Derivation<unknown, never>;
    if (!cache.has(key)) cache.set(key, runDerivation(snapshot, derivation));
    return cache.get(key) as T;
  };
}
