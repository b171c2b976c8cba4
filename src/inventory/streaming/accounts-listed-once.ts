import { InputError } from '../../io/input-error.js';

/**
 * A snapshot lists each account once. Twice would be scanned twice (the same finding ids twice, an
 * account counted twice) where `merge` refuses the same overlap between two shards: refused on load,
 * naming the account and both places.
 */
export function checkAccountsListedOnce(file: string, accounts: ReadonlyArray<{ id: string }>): void {
  const firstAt = new Map<string, number>();
  accounts.forEach((account, index) => {
    const first = firstAt.get(account.id);
    if (first !== undefined)
      throw new InputError(
        `${file}: accounts.${index}.id: account ${account.id} is listed twice (accounts.${first} and accounts.${index}); a snapshot lists each account once`,
      );
    firstAt.set(account.id, index);
  });
}
