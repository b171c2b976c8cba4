import type { Account, Snapshot } from '../inventory/snapshot-schema.js';

/** What an account's inventory becomes once let go: any read is a keysweep bug, and says so. */
const RELEASED = new Proxy({} as Account['iam'], {
  get(_target, key) {
    throw new Error(`an account's inventory was read after it was let go (${String(key)})`);
  },
});

/**
 * Lets go of an evaluated account's IAM inventory, in the snapshot the rules read and in the one it was
 * made from (break-glass marking copies the accounts it changes). Only for an inventory this run owns:
 * never the cached demo snapshot.
 */
export function accountReleaser(original: Snapshot, evaluated: Snapshot): (account: Account) => void {
  const originals = new Map<Account, Account>();
  evaluated.accounts.forEach((account, index) => {
    originals.set(account, original.accounts[index]!);
  });
  return (account) => {
    account.iam = RELEASED;
    const source = originals.get(account);
    if (source) source.iam = RELEASED;
    originals.delete(account);
  };
}
