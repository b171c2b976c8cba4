import { z } from 'zod';
import { collectedData } from '../../inventory/slice-reader.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { directoryFeed } from '../../knowledge/identity-store-provisioning.js';

const count = z.number().int().min(0);

/** What no API shows about the identity source, said once in every report that has an identity store. */
export const IDENTITY_SOURCE_NOT_READABLE =
  'The identity source type (Identity Center directory, Active Directory, external identity provider), whether SCIM provisioning is on, the SCIM token and the SAML settings are not readable through the sso-admin or identitystore APIs; the feed is derived from the users and groups that carry ExternalIds.';

export const identitySourceStatsSchema = z.object({
  /**
   * external: some users or groups carry ExternalIds (SCIM or AD sync); no-external-ids: none does
   * (Identity Center's directory, or an IdP without SCIM: cannot tell); unknown: ExternalIds not collected.
   */
  feed: z.enum(['external', 'no-external-ids', 'unknown']),
  issuers: z.array(z.object({ issuer: z.string(), users: count, groups: count })),
  users: count,
  groups: count,
  /** null: ExternalIds not collected (a snapshot from before schema 4). */
  usersWithExternalIds: count.nullable(),
  groupsWithExternalIds: count.nullable(),
  notReadable: z.string(),
});
export type IdentitySourceStats = z.infer<typeof identitySourceStatsSchema>;

/** The identity store's users and groups with and without ExternalIds; undefined without an identity store. */
export function buildIdentitySourceStats(snapshot: Snapshot): IdentitySourceStats | undefined {
  const store = collectedData(snapshot.identityCenter.identityStore);
  if (store === undefined) return undefined;
  const feed = directoryFeed(store);
  const withIds = (principals: ReadonlyArray<{ externalIds?: unknown[] | null }>) =>
    feed.kind === 'unknown' ? null : principals.filter((p) => (p.externalIds?.length ?? 0) > 0).length;
  return {
    feed: feed.kind,
    issuers: feed.kind === 'external' ? feed.issuers : [],
    users: store.users.length,
    groups: store.groups.length,
    usersWithExternalIds: withIds(store.users),
    groupsWithExternalIds: withIds(store.groups),
    notReadable: IDENTITY_SOURCE_NOT_READABLE,
  };
}
