import { parse as parseIni } from 'ini';
import { describe, expect, it } from 'vitest';
import { demoKit } from './support/kit.js';

describe('cli-profiles/*.aws-config', () => {
  it('gives each resolved person an sso-session and one profile per account and permission set', async () => {
    const { files, plan } = await demoKit();
    const profiles = files.filter((f) => f.path.startsWith('cli-profiles/'));
    expect(profiles).toHaveLength(plan.people.filter((p) => p.source !== 'unresolved').length);
    const grace = parseIni(
      profiles.find((f) => f.path === 'cli-profiles/grace-example.com.aws-config')!.content,
    );
    expect(grace['sso-session keysweep']).toEqual({
      sso_start_url: 'https://REPLACE-WITH-YOUR-ACCESS-PORTAL.awsapps.com/start',
      sso_region: 'eu-west-1',
      sso_registration_scopes: 'sso:account:access',
    });
    const profileSections = Object.keys(grace).filter((k) => k.startsWith('profile '));
    expect(profileSections.sort()).toEqual([
      'profile management-AdministratorAccess',
      'profile network-AdministratorAccess',
      'profile security-audit-ReadOnlyAccess',
    ]);
    // ghopper (shared-services) is only a weak flast match for Grace: confirm first, no profile.
    expect(grace['profile shared-services-AdministratorAccess']).toBeUndefined();
    expect(grace['profile network-AdministratorAccess']).toEqual({
      sso_session: 'keysweep',
      sso_account_id: '100000000004',
      sso_role_name: 'AdministratorAccess',
      region: 'eu-west-1',
    });
  });

  it('writes no profile for people nobody has identified', async () => {
    const { files } = await demoKit();
    expect(files.some((f) => f.path.includes('unresolved'))).toBe(false);
  });
});
