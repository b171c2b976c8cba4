import {
  type IdentitystoreClient,
  paginateListGroupMemberships,
  paginateListGroups,
  paginateListUsers,
} from '@aws-sdk/client-identitystore';
import pLimit from 'p-limit';
import type { IdentityStore } from '../../inventory/identity-center-schema.js';
import { mapExternalIds } from './external-ids.js';

/** Users, groups and memberships: two listings plus one membership listing per group. */
export async function collectIdentityStore(
  store: IdentitystoreClient,
  identityStoreId: string,
): Promise<IdentityStore> {
  const users: IdentityStore['users'] = [];
  for await (const page of paginateListUsers({ client: store }, { IdentityStoreId: identityStoreId })) {
    for (const user of page.Users ?? []) {
      users.push({
        userId: user.UserId ?? '',
        userName: user.UserName ?? '',
        displayName: user.DisplayName ?? null,
        emails: (user.Emails ?? []).map((e) => e.Value ?? '').filter((v) => v.length > 0),
        externalIds: mapExternalIds(user.ExternalIds),
      });
    }
  }
  const groups: IdentityStore['groups'] = [];
  for await (const page of paginateListGroups({ client: store }, { IdentityStoreId: identityStoreId })) {
    for (const group of page.Groups ?? []) {
      groups.push({
        groupId: group.GroupId ?? '',
        displayName: group.DisplayName ?? '',
        description: group.Description ?? null,
        externalIds: mapExternalIds(group.ExternalIds),
      });
    }
  }
  const limit = pLimit(4);
  const memberships = (
    await Promise.all(
      groups.map((group) =>
        limit(async () => {
          const found: IdentityStore['memberships'] = [];
          for await (const page of paginateListGroupMemberships(
            { client: store },
            { IdentityStoreId: identityStoreId, GroupId: group.groupId },
          )) {
            for (const m of page.GroupMemberships ?? []) {
              if (m.MemberId && 'UserId' in m.MemberId && m.MemberId.UserId) {
                found.push({ groupId: group.groupId, userId: m.MemberId.UserId });
              }
            }
          }
          return found;
        }),
      ),
    )
  ).flat();
  const byName =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    users: users.sort(byName((u) => u.userName)),
    groups: groups.sort(byName((g) => g.displayName)),
    memberships,
  };
}
