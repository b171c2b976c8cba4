import type { Account, Snapshot } from '../../inventory/snapshot-schema.js';

export interface Wave {
  account: Account;
  risk: number;
  why: string;
}

/**
 * Accounts in cutover order, least risky first: sandboxes, then non-production, then shared and security
 * accounts, then production, and the management account last. Ties go by account id (stable output).
 */
export function wavesOf(snapshot: Snapshot, accountIds: ReadonlySet<string>): Wave[] {
  return snapshot.accounts
    .filter((a) => accountIds.has(a.id))
    .map((account) => ({ account, ...riskOf(account, snapshot.organization.managementAccountId) }))
    .sort((a, b) => a.risk - b.risk || a.account.id.localeCompare(b.account.id));
}

function riskOf(account: Account, managementId: string | null): { risk: number; why: string } {
  const where = [...account.ouPath, account.name].join('/').toLowerCase();
  if (account.id === managementId)
    return { risk: 4, why: 'management account: last, it governs every other account' };
  if (/sandbox|playground|experiment/.test(where)) return { risk: 0, why: 'sandbox: least risky' };
  if (/non-?prod|dev|test|staging|qa/.test(where)) return { risk: 1, why: 'non-production' };
  if (/(^|\/|-)prod/.test(where)) return { risk: 3, why: 'production' };
  return { risk: 2, why: 'shared, security or infrastructure account' };
}
