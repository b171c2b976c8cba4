import { iniComment, iniSectionName, iniValue } from '../../io/text/ini-text.js';
import { suffixed } from '../../io/text/unique-identifiers.js';
import type { KitPlan, PlanPerson } from '../plan-schema.js';

export const SSO_SESSION = 'keysweep';
const START_URL_PLACEHOLDER = 'https://REPLACE-WITH-YOUR-ACCESS-PORTAL.awsapps.com/start';

/** One profile per (account, permission set): the name people type after --profile. */
export function profileName(accountName: string, permissionSet: string): string {
  return iniSectionName(`${accountName}-${permissionSet}`);
}

/** A file-name-safe name for a person (not yet unique: see personFileNames). */
export function personSlug(person: Pick<PlanPerson, 'id'>): string {
  return person.id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

/**
 * Unique names from a lossy mapping: names that would be the same (`a+b@` and `a-b@` both `a-b@…`, or
 * equal ignoring case, as on macOS and Windows) each get a short suffix from a hash of their own key.
 */
function uniqueNames<K>(
  keys: readonly K[],
  keyText: (k: K) => string,
  name: (k: K) => string,
): Map<K, string> {
  const byName = new Map<string, K[]>();
  for (const key of keys) {
    const n = name(key).toLowerCase();
    byName.set(n, [...(byName.get(n) ?? []), key]);
  }
  const taken = new Set(byName.keys());
  const result = new Map<K, string>();
  for (const [, same] of byName) {
    const distinct = new Set(same.map(keyText));
    for (const key of same) {
      if (distinct.size < 2) result.set(key, name(key));
      else {
        const unique = suffixed(name(key), keyText(key), taken, '-');
        taken.add(unique.toLowerCase());
        result.set(key, unique);
      }
    }
  }
  return result;
}

/** cli-profiles/<file>.aws-config per person: one file each, never two people in one. */
export function personFileNames(plan: KitPlan): Map<string, string> {
  const people = plan.people.filter((p) => p.source !== 'unresolved');
  const names = uniqueNames(people, (p) => p.id, personSlug);
  return new Map(people.map((p) => [p.id, names.get(p)!]));
}

/**
 * Profile names for every (account, permission set) of the plan, unique across the organization: two
 * accounts whose names differ only in characters a profile name cannot hold get different profiles.
 */
export function profileNames(plan: KitPlan): (accountId: string, permissionSet: string) => string {
  // Access a person already has is no assignment of the plan: its account's name comes from the access diff.
  const accountNames = new Map(
    [...plan.accessDiff.rows, ...plan.assignments].map((a) => [a.accountId, a.accountName]),
  );
  const pairs = new Map<string, { accountId: string; permissionSet: string }>();
  for (const person of plan.people)
    for (const u of person.iamUsers.filter((iamUser) => iamUser.cutOver))
      pairs.set(`${u.accountId}|${u.targetPermissionSet}`, {
        accountId: u.accountId,
        permissionSet: u.targetPermissionSet,
      });
  const names = uniqueNames(
    [...pairs.keys()],
    (key) => key,
    (key) => {
      const pair = pairs.get(key)!;
      return profileName(accountNames.get(pair.accountId) ?? pair.accountId, pair.permissionSet);
    },
  );
  return (accountId, permissionSet) => {
    const key = `${accountId}|${permissionSet}`;
    return names.get(key) ?? profileName(accountNames.get(accountId) ?? accountId, permissionSet);
  };
}

/**
 * cli-profiles/<person>.aws-config: the `[sso-session]` and `[profile …]` blocks that replace a person's
 * static keys (`aws sso login --profile …`). The access portal URL is not in any API keysweep reads, so it
 * is a placeholder to replace once; everything else comes from the plan. Names from the inventory land in
 * comments and values escaped for ini, so none can start a line of its own.
 */
export function renderCliProfiles(plan: KitPlan): Array<{ path: string; content: string }> {
  const region = iniValue(plan.identityCenter.region ?? 'REPLACE-WITH-IDENTITY-CENTER-REGION');
  const files = personFileNames(plan);
  const profileOf = profileNames(plan);
  return plan.people
    .filter((p) => p.source !== 'unresolved')
    .map((person) => {
      const pairs = new Map<string, { accountId: string; permissionSet: string }>();
      for (const u of person.iamUsers.filter((iamUser) => iamUser.cutOver))
        pairs.set(profileOf(u.accountId, u.targetPermissionSet), {
          accountId: u.accountId,
          permissionSet: u.targetPermissionSet,
        });
      const lines = [
        `# ${iniComment(`~/.aws/config blocks for ${person.displayName ?? person.userName} (${person.email ?? person.userName}), written by keysweep plan.`)}`,
        `# ${iniComment(`Replaces the static access keys of: ${person.iamUsers.map((u) => `${u.accountId}/${u.userName}`).join(', ')}`)}`,
        '# Then: aws sso login --sso-session keysweep',
        '',
        `[sso-session ${SSO_SESSION}]`,
        '# The AWS access portal URL (IAM Identity Center → Settings); no API keysweep reads exposes it.',
        plan.identityCenter.identityStoreId
          ? `# ${iniComment(`When the default was kept it is https://${plan.identityCenter.identityStoreId}.awsapps.com/start`)}`
          : '# Identity Center was not collected: fill in the URL and region.',
        `sso_start_url = ${START_URL_PLACEHOLDER}`,
        `sso_region = ${region}`,
        'sso_registration_scopes = sso:account:access',
      ];
      for (const [name, pair] of [...pairs.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(
          '',
          `[profile ${name}]`,
          `sso_session = ${SSO_SESSION}`,
          `sso_account_id = ${iniValue(pair.accountId)}`,
          `sso_role_name = ${iniValue(pair.permissionSet)}`,
          `region = ${region}`,
        );
      }
      return { path: `cli-profiles/${files.get(person.id)}.aws-config`, content: `${lines.join('\n')}\n` };
    });
}
