import { describe, expect, it } from 'vitest';
import { demoKit } from './support/kit.js';

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n### ', start + heading.length);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('runbook.md', () => {
  it('orders waves least risky first: sandboxes first, production late, management last', async () => {
    const { files } = await demoKit();
    const md = files.find((f) => f.path === 'runbook.md')!.content;
    const waves = [...md.matchAll(/^## Wave \d+: ([\w-]+) \((\d+)\)$/gm)].map((m) => m[1]);
    expect(waves[0]).toBe('sandbox-alpha');
    expect(waves.at(-1)).toBe('management');
    expect(waves.indexOf('payments-staging')).toBeLessThan(waves.indexOf('payments-prod'));
  });

  it('gives each step the exact command for the user and key, with its rollback', async () => {
    const { files, snapshot } = await demoKit();
    const md = files.find((f) => f.path === 'runbook.md')!.content;
    const account = snapshot.accounts.find((a) => a.id === '100000000009')!;
    const heidi =
      account.iam.users.status === 'ok'
        ? account.iam.users.data.find((u) => u.userName === 'heidi.lamarr')!
        : null;
    const keyId = heidi!.accessKeys[0]!.accessKeyId;
    const text = section(md, '### Heidi Lamarr: IAM user heidi.lamarr\n\nMatched by name-convention');
    expect(text).toContain('aws sso login --profile payments-staging-PowerUserAccess');
    expect(text).toContain(
      `aws iam update-access-key --user-name heidi.lamarr --access-key-id ${keyId} --status Inactive`,
    );
    expect(text).toContain(
      `aws iam update-access-key --user-name heidi.lamarr --access-key-id ${keyId} --status Active`,
    );
    expect(text).toContain('aws iam delete-login-profile --user-name heidi.lamarr');
    expect(text).toContain('aws iam create-login-profile --user-name heidi.lamarr --password-reset-required');
    // The clean-up reads what the user holds when it runs, so nothing added since the scan is missed.
    expect(text).toContain(`aws iam get-access-key-last-used --access-key-id ${keyId}`);
    expect(text).toContain(
      "aws iam list-access-keys --user-name heidi.lamarr --query 'AccessKeyMetadata[].AccessKeyId'",
    );
    expect(text).toContain('aws iam delete-access-key --user-name heidi.lamarr --access-key-id "$id"');
    expect(text).toContain('aws iam remove-user-from-group --user-name heidi.lamarr --group-name "$id"');
    expect(text).toContain('aws iam delete-user --user-name heidi.lamarr');
    // --now fixes the clock: deletion date is now + 30 days.
    expect(text).toContain('on or after 2026-12-31');
  });

  it('excludes break-glass users and says so, and lists unmatched users as decisions', async () => {
    const { files } = await demoKit();
    const md = files.find((f) => f.path === 'runbook.md')!.content;
    expect(md).toMatch(
      /Excluded as break-glass \(tag `keysweep:break-glass=true` or config `breakGlassUsers`\).*100000000001\/breakglass-admin/,
    );
    expect(md).not.toContain('--user-name breakglass-admin');
    const deleteInstead = section(md, '## Delete instead (no permissions at all');
    expect(section(md, '### 100000000005/grace.former')).toContain(
      'aws iam delete-user --user-name grace.former',
    );
    expect(deleteInstead).toBeDefined();
    expect(md).not.toContain('grace.former-role');
    expect(section(md, '## Needs a decision')).toMatch(/frank\.contractor: /);
    expect(md).toMatch(/> \*\*WARNING\*\* GRANTS \\\*:\\\*/);
    // ghopper is only an flast match and emergency-access a suspected break-glass user: no cutover commands.
    expect(md).not.toContain('--user-name ghopper');
    expect(md).toMatch(
      /100000000001\/emergency-access \(suspected-break-glass.*confirm: tag keysweep:break-glass=true/,
    );
    expect(md).not.toContain('--user-name emergency-access');
  });

  it('has an HTML twin with the same commands, escaped', async () => {
    const { files } = await demoKit();
    const html = files.find((f) => f.path === 'runbook.html')!.content;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('aws iam delete-login-profile --user-name heidi.lamarr');
    expect(html).toContain('&lt;admin profile for 100000000012&gt;');
    expect(html).not.toContain('<admin profile');
  });
});
