import { z } from 'zod';
import { collectedData } from '../../inventory/slice-reader.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { classifyUser } from '../../knowledge/classify-user.js';
import { daysSince } from '../../knowledge/time.js';
import { buildIdentityCenterInventory, identityCenterInventorySchema } from './identity-center-inventory.js';
import { buildIdentitySourceStats, identitySourceStatsSchema } from './identity-source-stats.js';

const count = z.number().int().min(0);

export const accountMigrationStatsSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  accountName: z.string(),
  iamUsers: count,
  /** IAM users classified as people (still to migrate). */
  humanIamUsers: count,
  workloadIamUsers: count,
  /** Distinct Identity Center principals (users and groups) assigned to the account. */
  identityCenterPrincipals: count,
  /** Identity Center users who can reach the account, directly or through a group. */
  identityCenterUsers: count,
  /** Active access keys of the account's IAM users (absent from reports before the scan history). */
  activeAccessKeys: count.optional(),
});
export type AccountMigrationStats = z.infer<typeof accountMigrationStatsSchema>;

export const inventoryStatsSchema = z.object({
  /** Age in days of every active IAM user access key. */
  activeAccessKeyAgesDays: z.array(count),
  accounts: z.array(accountMigrationStatsSchema),
  /** The identity store's feed as far as ExternalIds show it (issue 24); absent without an identity store. */
  identitySource: identitySourceStatsSchema.optional(),
  /** The organization instance of Identity Center: regions, ABAC, applications, trusted token issuers. */
  identityCenter: identityCenterInventorySchema.optional(),
});
export type InventoryStats = z.infer<typeof inventoryStatsSchema>;

export function buildInventoryStats(snapshot: Snapshot, now: Date): InventoryStats {
  const ages = new AgeList();
  const ic = snapshot.identityCenter;
  const reach = identityCenterReachByAccount(
    collectedData(ic.assignments) ?? [],
    collectedData(ic.identityStore)?.memberships ?? [],
  );
  const accounts: AccountMigrationStats[] = [];
  for (const account of snapshot.accounts) {
    const users = collectedData(account.iam.users) ?? [];
    let humans = 0;
    let activeKeys = 0;
    for (const user of users) {
      if (classifyUser(user).kind === 'human') humans += 1;
      for (const key of user.accessKeys) {
        if (key.status !== 'Active') continue;
        activeKeys += 1;
        ages.add(daysSince(key.createDate, now));
      }
    }
    const here = reach.get(account.id);
    accounts.push({
      accountId: account.id,
      accountName: account.name,
      iamUsers: users.length,
      humanIamUsers: humans,
      workloadIamUsers: users.length - humans,
      identityCenterPrincipals: here?.principals.size ?? 0,
      identityCenterUsers: here?.people.size ?? 0,
      activeAccessKeys: activeKeys,
    });
  }
  const identitySource = buildIdentitySourceStats(snapshot);
  return {
    activeAccessKeyAgesDays: ages.sorted(),
    accounts,
    ...(identitySource ? { identitySource } : {}),
    identityCenter: buildIdentityCenterInventory(snapshot),
  };
}

/** Per account: its distinct Identity Center principals, and the users who reach it directly or by a group. */
interface AccountReach {
  principals: Set<string>;
  people: Set<string>;
}

/** One pass over the assignments (and each group's members once), instead of a pass per account. */
function identityCenterReachByAccount(
  assignments: ReadonlyArray<{ accountId: string; principalType: string; principalId: string }>,
  memberships: ReadonlyArray<{ groupId: string; userId: string }>,
): Map<string, AccountReach> {
  const byAccount = new Map<string, AccountReach>();
  let membersOf: Map<string, string[]> | undefined;
  for (const assignment of assignments) {
    let reach = byAccount.get(assignment.accountId);
    if (!reach) {
      reach = { principals: new Set(), people: new Set() };
      byAccount.set(assignment.accountId, reach);
    }
    reach.principals.add(`${assignment.principalType}:${assignment.principalId}`);
    if (assignment.principalType === 'USER') {
      reach.people.add(assignment.principalId);
      continue;
    }
    membersOf ??= groupMembers(memberships);
    for (const userId of membersOf.get(assignment.principalId) ?? []) reach.people.add(userId);
  }
  return byAccount;
}

function groupMembers(
  memberships: ReadonlyArray<{ groupId: string; userId: string }>,
): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const { groupId, userId } of memberships) {
    const list = members.get(groupId);
    if (list) list.push(userId);
    else members.set(groupId, [userId]);
  }
  return members;
}

/**
 * Ages in whole days, sorted at the end in a typed array (a native numeric sort, no comparator called per
 * pair) when every one is a non-negative 32-bit integer, as a date keysweep validated always gives; the
 * comparator sort otherwise, as before.
 */
class AgeList {
  private readonly ages: number[] = [];
  private allInt32 = true;

  add(days: number): void {
    if (!(days >= 0 && days <= 0x7fffffff && Number.isInteger(days))) this.allInt32 = false;
    this.ages.push(days);
  }

  sorted(): number[] {
    if (!this.allInt32) return this.ages.sort((a, b) => a - b);
    return Array.from(Int32Array.from(this.ages).sort());
  }
}
