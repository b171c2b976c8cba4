import { isRecord } from './mark-not-collected.js';
import type { JsonDocument } from './upgrade-chain.js';

/**
 * Snapshot 3 → 4, identity store ExternalIds (issue 24, SCIM hygiene): schema 4 keeps each identity store
 * user's and group's ExternalIds. A version 3 file never read them, so every user and group gets
 * `externalIds: null` ("not collected", never `[]`, which would claim it was created in Identity Center
 * itself). Pure: a new object, the input untouched; anything malformed passes through for the schema to reject.
 */
export function addIdentityStoreExternalIdsToV3Snapshot(v3: JsonDocument): JsonDocument {
  const identityCenter = v3.identityCenter;
  if (!isRecord(identityCenter) || !isRecord(identityCenter.identityStore)) return v3;
  const slice = identityCenter.identityStore;
  if (slice.status !== 'ok' || !isRecord(slice.data)) return v3;
  const unknownExternalIds = (principal: unknown) =>
    isRecord(principal) ? { ...principal, externalIds: principal.externalIds ?? null } : principal;
  const { users, groups } = slice.data;
  const data = {
    ...slice.data,
    ...(Array.isArray(users) ? { users: users.map(unknownExternalIds) } : {}),
    ...(Array.isArray(groups) ? { groups: groups.map(unknownExternalIds) } : {}),
  };
  return { ...v3, identityCenter: { ...identityCenter, identityStore: { ...slice, data } } };
}
