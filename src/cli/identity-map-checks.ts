import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import type { IdentityMap } from '../migration-kit/people/identity-map.js';

/**
 * Rows of --identity-map that cannot both be true: one e-mail given two user names, or one user name
 * two e-mails. The kit would pick one silently; refused (exit 2), naming both rows, before any AWS call.
 */
export function checkIdentityMapConsistent(file: string, map: IdentityMap): void {
  const byEmail = new Map<string, { userName: string; arn: string }>();
  const byUserName = new Map<string, { email: string; arn: string }>();
  for (const entry of map.values()) {
    if (entry.email === undefined || entry.userName === undefined) continue;
    const email = entry.email.toLowerCase();
    const sameEmail = byEmail.get(email);
    if (sameEmail && sameEmail.userName !== entry.userName)
      throw new InputError(
        `${file}: ${entry.email} is user name ${sameEmail.userName} for ${sameEmail.arn} but ${entry.userName} for ${entry.iamUserArn}`,
      );
    const sameName = byUserName.get(entry.userName);
    if (sameName && sameName.email !== email)
      throw new InputError(
        `${file}: user name ${entry.userName} has e-mail ${sameName.email} for ${sameName.arn} but ${entry.email} for ${entry.iamUserArn}`,
      );
    byEmail.set(email, { userName: entry.userName, arn: entry.iamUserArn });
    byUserName.set(entry.userName, { email, arn: entry.iamUserArn });
  }
}

const SHOWN = 3;

/**
 * Rows naming an IAM user the inventory does not have (deleted since, a typo, another organization): a
 * warning, since a map may be shared by several organizations or outlive a user. Accounts whose users
 * were not collected are left out: there, "not found" would be a guess.
 */
export function identityMapStaleRowsWarning(
  file: string,
  map: IdentityMap,
  snapshot: Snapshot,
): string | null {
  const known = new Set<string>();
  const collected = new Set<string>();
  for (const account of snapshot.accounts) {
    const users = collectedData(account.iam.users);
    if (!users) continue;
    collected.add(account.id);
    for (const user of users) known.add(user.arn);
  }
  const stale = [...map.keys()].filter((arn) => {
    const accountId = arn.split(':')[4] ?? '';
    const inInventory = snapshot.accounts.some((a) => a.id === accountId);
    return !known.has(arn) && (collected.has(accountId) || !inInventory);
  });
  if (stale.length === 0) return null;
  const shown = stale.slice(0, SHOWN).join(', ');
  const more = stale.length > SHOWN ? ` and ${stale.length - SHOWN} more` : '';
  return `keysweep: warning: ${file}: ${stale.length} row(s) name an IAM user this inventory does not have, ignored: ${shown}${more}`;
}
