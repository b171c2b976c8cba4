import type { MigrationAdvice } from '../findings/finding.js';
import type { IamUser } from '../inventory/iam-schema.js';
import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';

/** The tag that marks an IAM user as a documented break-glass (emergency access) user. */
export const BREAK_GLASS_TAG = 'keysweep:break-glass';

export function isBreakGlass(user: IamUser): boolean {
  return user.tags[BREAK_GLASS_TAG]?.toLowerCase() === 'true';
}

/**
 * Applies the config's `breakGlassUsers` (user ARNs, or user names that match in every account) by setting
 * the tag on those users in memory, so rules and advice read one marker whether it came from the account's
 * tags or from the config. The snapshot on disk is not changed.
 */
export function markBreakGlassUsers(snapshot: Snapshot, entries: readonly string[]): Snapshot {
  if (entries.length === 0) return snapshot;
  const wanted = new Set(entries);
  const matches = (user: IamUser) => wanted.has(user.arn) || wanted.has(user.userName);
  return {
    ...snapshot,
    accounts: snapshot.accounts.map((account) => {
      const users = collectedData(account.iam.users);
      if (!users?.some(matches)) return account;
      const data = users.map((user) =>
        matches(user) ? { ...user, tags: { ...user.tags, [BREAK_GLASS_TAG]: 'true' } } : user,
      );
      return { ...account, iam: { ...account.iam, users: { status: 'ok', data } } };
    }),
  };
}

/** AWS's documented exception to "no IAM users for people": kept, never migrated, and kept locked away. */
export function breakGlassAdvice(user: IamUser): MigrationAdvice {
  return {
    kind: 'keep-break-glass',
    summary:
      `Keep ${user.userName} as a break-glass user (marked ${BREAK_GLASS_TAG}=true): do not migrate it. It must ` +
      'have MFA (preferably a hardware key kept in a safe), a password used only in emergencies, and no access keys.',
    steps: [
      'Store the password and the MFA device separately, with a documented, audited retrieval procedure',
      'Alert on every sign-in of this user (CloudTrail ConsoleLogin for the user name)',
      `Delete any access key: aws iam list-access-keys --user-name ${user.userName}`,
    ],
  };
}
