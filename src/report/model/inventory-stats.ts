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
  const ages: number[] = [];
  const ic = snapshot.identityCenter;
  const assignments = collectedData(ic.assignments) ?? [];
  const memberships = collectedData(ic.identityStore)?.memberships ?? [];
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
        ages.push(daysSince(key.createDate, now));
      }
    }
    const here = assignments.filter((a) => a.accountId === account.id);
    const principals = new Set(here.map((a) => `${a.principalType}:${a.principalId}`));
    const people = new Set<string>();
    for (const assignment of here) {
      if (assignment.principalType === 'USER') people.add(assignment.principalId);
      else for (const m of memberships) if (m.groupId === assignment.principalId) people.add(m.userId);
    }
    accounts.push({
      accountId: account.id,
      accountName: account.name,
      iamUsers: users.length,
      humanIamUsers: humans,
      workloadIamUsers: users.length - humans,
      identityCenterPrincipals: principals.size,
      identityCenterUsers: people.size,
      activeAccessKeys: activeKeys,
    });
  }
  const identitySource = buildIdentitySourceStats(snapshot);
  return {
    activeAccessKeyAgesDays: ages.sort((a, b) => a - b),
    accounts,
    ...(identitySource ? { identitySource } : {}),
    identityCenter: buildIdentityCenterInventory(snapshot),
  };
}
