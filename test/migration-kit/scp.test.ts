import { describe, expect, it } from 'vitest';
import { anAccount, anIamSlice, aRoot, aSnapshot } from '../../fixtures/builders/index.js';
import { InputError } from '../../src/io/input-error.js';
import {
  DENIED_ACTIONS,
  denyIamUsersScp,
  SCP_MAX_CHARACTERS,
} from '../../src/migration-kit/guardrails/deny-iam-users-scp.js';
import { renderGuardrailsReadme } from '../../src/migration-kit/guardrails/guardrails-readme.js';
import { parseExemptRoles } from '../../src/migration-kit/kit-options.js';
import { demoKit, planOf } from './support/kit.js';

interface Scp {
  Version: string;
  Statement: Array<{
    Effect: string;
    Action: string[];
    Resource: string;
    Condition?: { ArnNotLike: { 'aws:PrincipalARN': string[] } };
  }>;
}

describe('scp/deny-iam-users.json', () => {
  it('is a valid SCP denying user and credential creation, except for the exempt roles', async () => {
    const { files } = await demoKit({}, ['AccountFactory', 'platform/*']);
    const scp = JSON.parse(files.find((f) => f.path === 'scp/deny-iam-users.json')!.content) as Scp;
    expect(scp.Version).toBe('2012-10-17');
    expect(scp.Statement).toHaveLength(1);
    const [statement] = scp.Statement;
    expect(statement!.Effect).toBe('Deny');
    expect(statement!.Resource).toBe('*');
    for (const action of [
      'iam:CreateUser',
      'iam:CreateAccessKey',
      'iam:CreateLoginProfile',
      'iam:UpdateLoginProfile',
    ])
      expect(statement!.Action).toContain(action);
    // Re-activation and granting through groups are denied too (issue 21); deleting stays possible.
    for (const action of [
      'iam:UpdateAccessKey',
      'iam:AttachGroupPolicy',
      'iam:PutGroupPolicy',
      'iam:UpdateSigningCertificate',
      'iam:UpdateSSHPublicKey',
      'iam:UpdateServiceSpecificCredential',
    ])
      expect(statement!.Action).toContain(action);
    expect(
      statement!.Action.filter((a) => /^iam:Delete(?!UserPermissionsBoundary)|Deactivate/.test(a)),
    ).toEqual([]);
    expect(statement!.Condition).toEqual({
      ArnNotLike: {
        'aws:PrincipalARN': ['arn:aws:iam::*:role/AccountFactory', 'arn:aws:iam::*:role/platform/*'],
      },
    });
  });

  it('has no condition when no role is exempt', () => {
    const scp = JSON.parse(denyIamUsersScp([])) as Scp;
    expect(scp.Statement[0]!.Condition).toBeUndefined();
    expect(scp.Statement[0]!.Action).toEqual(DENIED_ACTIONS);
  });

  it('measures the 5,120-character limit on the text written (minified when only that fits)', () => {
    const roles = (n: number) =>
      Array.from({ length: n }, (_, i) => `automation-role-${String(i).padStart(3, '0')}`);
    for (const n of [0, 40, 80, 90]) {
      const written = denyIamUsersScp(roles(n));
      expect(written.length, `${n} roles`).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
      expect(JSON.parse(written).Statement[0].Action).toEqual(DENIED_ACTIONS);
    }
    // Pretty-printed for review while it fits.
    expect(denyIamUsersScp(roles(40))).toContain('\n  "Statement"');
    const many = roles(40);
    expect(JSON.stringify(JSON.parse(denyIamUsersScp(many))).length).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
    const tooMany = Array.from({ length: 200 }, (_, i) => `automation-role-${String(i).padStart(3, '0')}`);
    expect(() => denyIamUsersScp(tooMany)).toThrow(InputError);
  });

  it('validates role names', () => {
    expect(parseExemptRoles(['b', 'a', 'a'])).toEqual(['a', 'b']);
    expect(() => parseExemptRoles(['bad role'])).toThrow(/--scp-exempt-role: "bad role"/);
    for (const everyRole of ['*', '?*', '**', '*/*'])
      expect(() => parseExemptRoles([everyRole]), everyRole).toThrow(/would exempt every role/);
    expect(parseExemptRoles(['platform/*'])).toEqual(['platform/*']);
  });
});

describe('scp/README.md', () => {
  it('notes the management account and lists root clean-up only where root credentials were found', () => {
    const member = (id: string, root: Parameters<typeof aRoot>[0]) =>
      anAccount({ id, name: `acct-${id}`, iam: anIamSlice({ root: aRoot({ accountId: id, ...root }) }) });
    const snapshot = aSnapshot({
      accounts: [
        member('000000000000', { passwordEnabled: true }),
        member('111111111111', {
          passwordEnabled: true,
          accessKeys: [
            { slot: 1, active: true, lastRotated: null, lastUsedDate: null, lastUsedService: null },
          ],
        }),
        member('222222222222', { passwordEnabled: false, mfaActive: false }),
      ],
    });
    const text = renderGuardrailsReadme(planOf(snapshot), snapshot, []);
    expect(text).toMatch(/SCPs do not apply to the management account \(000000000000\)/);
    expect(text).toContain('aws iam enable-organizations-root-credentials-management');
    expect(text).toContain('aws sts assume-root --target-principal 111111111111');
    expect(text).toContain('aws iam delete-access-key --access-key-id <id>');
    expect(text).not.toContain('--target-principal 222222222222');
    expect(text).not.toContain('--target-principal 000000000000');
  });
});
