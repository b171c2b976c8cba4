import type { KitPlan, PlanPerson } from '../plan-schema.js';

export const SSO_SESSION = 'keysweep';
const START_URL_PLACEHOLDER = 'https://REPLACE-WITH-YOUR-ACCESS-PORTAL.awsapps.com/start';

/** One profile per (account, permission set): the name people type after --profile. */
export function profileName(accountName: string, permissionSet: string): string {
  return `${accountName}-${permissionSet}`.replace(/[^\w.+-]/g, '-');
}

/** A file-name-safe, stable name for a person. */
export function personSlug(person: Pick<PlanPerson, 'id'>): string {
  return person.id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

/**
 * cli-profiles/<person>.aws-config: the `[sso-session]` and `[profile …]` blocks that replace a person's
 * static keys (`aws sso login --profile …`). The access portal URL is not in any API keysweep reads, so it
 * is a placeholder to replace once; everything else comes from the plan.
 */
export function renderCliProfiles(plan: KitPlan): Array<{ path: string; content: string }> {
  const accountNames = new Map(
    [...plan.accessDiff.rows, ...plan.assignments].map((a) => [a.accountId, a.accountName]),
  );
  const region = plan.identityCenter.region ?? 'REPLACE-WITH-IDENTITY-CENTER-REGION';
  return plan.people
    .filter((p) => p.source !== 'unresolved')
    .map((person) => {
      const pairs = new Map<string, { accountId: string; permissionSet: string }>();
      for (const u of person.iamUsers.filter((iamUser) => iamUser.cutOver)) {
        const name = profileName(accountNames.get(u.accountId) ?? u.accountId, u.targetPermissionSet);
        pairs.set(name, { accountId: u.accountId, permissionSet: u.targetPermissionSet });
      }
      const lines = [
        `# ~/.aws/config blocks for ${person.displayName ?? person.userName} (${person.email ?? person.userName}), written by keysweep plan.`,
        '# Replaces the static access keys of: ' +
          person.iamUsers.map((u) => `${u.accountId}/${u.userName}`).join(', '),
        '# Then: aws sso login --sso-session keysweep',
        '',
        `[sso-session ${SSO_SESSION}]`,
        '# The AWS access portal URL (IAM Identity Center → Settings); no API keysweep reads exposes it.',
        plan.identityCenter.identityStoreId
          ? `# When the default was kept it is https://${plan.identityCenter.identityStoreId}.awsapps.com/start`
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
          `sso_account_id = ${pair.accountId}`,
          `sso_role_name = ${pair.permissionSet}`,
          `region = ${region}`,
        );
      }
      return { path: `cli-profiles/${personSlug(person)}.aws-config`, content: `${lines.join('\n')}\n` };
    });
}
