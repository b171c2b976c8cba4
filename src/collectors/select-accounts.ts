import { InputError } from '../io/input-error.js';
import type { OrganizationAccount } from './organizations/collect-organization.js';

export interface AccountSelection {
  /** --accounts: only these ids (empty: all). */
  onlyAccounts: string[];
  /** --exclude-accounts */
  excludeAccounts: string[];
  /** --ou: only accounts below one of these OUs (or roots). */
  onlyOus: string[];
}

export interface SelectedAccounts {
  scanned: OrganizationAccount[];
  skipped: Array<{ account: OrganizationAccount; reason: string }>;
}

/**
 * Which accounts to crawl. Accounts left out stay in the snapshot as skipped, with why, so a report
 * never reads a filtered account as clean. A filter naming something the organization does not have
 * is an input error: a typo must not silently scan nothing.
 */
export function selectAccounts(
  accounts: OrganizationAccount[],
  selection: AccountSelection,
): SelectedAccounts {
  const known = new Set(accounts.map((a) => a.id));
  for (const id of [...selection.onlyAccounts, ...selection.excludeAccounts]) {
    if (!/^\d{12}$/.test(id))
      throw new InputError(`--accounts/--exclude-accounts: "${id}" is not a 12-digit account id`);
    if (!known.has(id))
      throw new InputError(`--accounts/--exclude-accounts: ${id} is not an account of this organization`);
  }
  const knownOus = new Set(accounts.flatMap((a) => a.ancestorIds));
  for (const ou of selection.onlyOus) {
    if (!knownOus.has(ou))
      throw new InputError(`--ou: ${ou} is not an OU (or root) with accounts in this organization`);
  }
  const only = new Set(selection.onlyAccounts);
  const excluded = new Set(selection.excludeAccounts);
  const result: SelectedAccounts = { scanned: [], skipped: [] };
  for (const account of accounts) {
    const reason =
      account.status !== 'ACTIVE'
        ? `account status is ${account.status}`
        : only.size > 0 && !only.has(account.id)
          ? 'not selected by --accounts'
          : excluded.has(account.id)
            ? 'excluded by --exclude-accounts'
            : selection.onlyOus.length > 0 &&
                !selection.onlyOus.some((ou) => account.ancestorIds.includes(ou))
              ? 'not under the OUs selected by --ou'
              : null;
    if (reason) result.skipped.push({ account, reason });
    else result.scanned.push(account);
  }
  return result;
}
