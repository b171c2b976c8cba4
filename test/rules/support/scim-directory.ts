import type { IdentityStore } from '../../../src/inventory/identity-center-schema.js';

export const OKTA = 'https://example.okta.com';

type User = IdentityStore['users'][number];
type Group = IdentityStore['groups'][number];

/** A user; `from`: an issuer (provisioned), 'local' (created in Identity Center), null (not collected). */
export function scimUser(name: string, from: string | 'local' | null = OKTA): User {
  return {
    userId: `u-${name}`,
    userName: name,
    displayName: name,
    emails: [`${name}@example.com`],
    externalIds: from === null ? null : from === 'local' ? [] : [{ issuer: from, id: `00u-${name}` }],
  };
}

export function scimGroup(name: string, from: string | 'local' | null = OKTA): Group {
  return {
    groupId: `g-${name}`,
    displayName: name,
    description: null,
    externalIds: from === null ? null : from === 'local' ? [] : [{ issuer: from, id: `00g-${name}` }],
  };
}

export const member = (group: string, user: string) => ({ groupId: `g-${group}`, userId: `u-${user}` });

export const USER_ARN = (name: string) => `arn:aws:identitystore:::user/u-${name}`;
export const GROUP_ARN = (name: string) => `arn:aws:identitystore:::group/g-${name}`;
