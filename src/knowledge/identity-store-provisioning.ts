import type { IdentityStore } from '../inventory/identity-center-schema.js';
import type { ExternalId } from '../inventory/identity-store-external-ids-schema.js';
import { defineDerivation } from './derivation.js';

/**
 * What the identity store shows about its identity source. No sso-admin or identitystore API names the
 * identity source (Identity Center directory, Active Directory, external IdP) or says whether SCIM is on;
 * what can be derived is only this: principals carrying ExternalIds were provisioned by an external
 * provider (SCIM or AD sync), so the directory is fed by one. A directory where no principal carries them is
 * either Identity Center's own directory or an external IdP without automatic provisioning — keysweep
 * cannot tell which, and does not guess.
 */
export type DirectoryFeed =
  /** Some principal's ExternalIds were not collected (a snapshot from before schema 4). */
  | { kind: 'unknown'; reason: string }
  /** No user or group carries ExternalIds. */
  | { kind: 'no-external-ids' }
  /** Fed by an external provider: the issuers seen, with how many users and groups each provisioned. */
  | { kind: 'external'; issuers: IssuerCount[]; localUsers: number; localGroups: number };

export interface IssuerCount {
  issuer: string;
  users: number;
  groups: number;
}

export const EXTERNAL_IDS_NOT_COLLECTED =
  'the identity store users and groups have no ExternalIds in this inventory (not collected: a snapshot from before schema 4); collect again to see which were provisioned by an external identity provider';

type Principal = { externalIds?: ExternalId[] | null | undefined };

/** True: provisioned by an external provider; false: created in Identity Center; null: not collected. */
export function isExternallyProvisioned(principal: Principal): boolean | null {
  if (principal.externalIds == null) return null;
  return principal.externalIds.length > 0;
}

export function directoryFeed(store: IdentityStore): DirectoryFeed {
  const principals: Principal[] = [...store.users, ...store.groups];
  if (principals.some((p) => isExternallyProvisioned(p) === null)) {
    return { kind: 'unknown', reason: EXTERNAL_IDS_NOT_COLLECTED };
  }
  const byIssuer = new Map<string, IssuerCount>();
  const count = (externalIds: ExternalId[], key: 'users' | 'groups') => {
    for (const issuer of new Set(externalIds.map((e) => e.issuer))) {
      const entry = byIssuer.get(issuer) ?? { issuer, users: 0, groups: 0 };
      entry[key] += 1;
      byIssuer.set(issuer, entry);
    }
  };
  for (const user of store.users) count(user.externalIds ?? [], 'users');
  for (const group of store.groups) count(group.externalIds ?? [], 'groups');
  if (byIssuer.size === 0) return { kind: 'no-external-ids' };
  return {
    kind: 'external',
    issuers: [...byIssuer.values()].sort((a, b) => a.issuer.localeCompare(b.issuer)),
    localUsers: store.users.filter((u) => isExternallyProvisioned(u) === false).length,
    localGroups: store.groups.filter((g) => isExternallyProvisioned(g) === false).length,
  };
}

/** One line for messages: "fed by https://example.okta.com (40 users, 6 groups)". */
export function describeIssuers(issuers: readonly IssuerCount[]): string {
  return issuers.map((i) => `${i.issuer} (${i.users} user(s), ${i.groups} group(s))`).join(', ');
}

/**
 * Accounts whose Identity Center assignments were not listed: assignments are read only for the accounts in
 * the scan, so an ACTIVE account left out (`--accounts`, `--exclude-accounts`, `--ou`) may hold assignments
 * keysweep never saw. A suspended or closing account is left out too, but nobody signs in there.
 */
export const ACCOUNTS_WITHOUT_LISTED_ASSIGNMENTS = defineDerivation({
  id: 'accounts-without-listed-assignments',
  reads: [],
  derive(input): readonly string[] {
    return input.accounts
      .filter(({ account }) => account.status === 'ACTIVE' && account.access.status === 'skipped')
      .map(({ account }) => account.id)
      .sort();
  },
});

/** ARN of an identity store user or group, as the Service Authorization Reference writes it. */
export function identityStorePrincipalArn(kind: 'user' | 'group', id: string): string {
  return `arn:aws:identitystore:::${kind}/${id}`;
}
