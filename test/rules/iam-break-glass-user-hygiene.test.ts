import { describe, expect, it } from 'vitest';
import { anAccessKey, anMfaDevice, aUser } from '../../fixtures/builders/index.js';
import { markBreakGlassUsers } from '../../src/knowledge/break-glass.js';
import rule from '../../src/rules/catalog/iam-break-glass-user-hygiene.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW, ruleTester } from '../support/rule-tester.js';
import { twoAccounts, USER_ARN } from './support/snapshots.js';

const tag = { 'keysweep:break-glass': 'true' };
const lockedAway = aUser({
  userName: 'breakglass',
  passwordEnabled: true,
  passwordLastUsed: '2025-01-01T00:00:00.000Z',
  mfaDevices: [anMfaDevice()],
  tags: tag,
});

ruleTester(rule, {
  valid: [
    { name: 'MFA, password unused, no keys', snapshot: twoAccounts({ users: [lockedAway] }) },
    {
      name: 'an untagged user is not checked here',
      snapshot: twoAccounts({ users: [aUser({ passwordEnabled: true, accessKeys: [anAccessKey()] })] }),
    },
  ],
  invalid: [
    {
      name: 'no MFA and an access key',
      snapshot: twoAccounts({
        users: [
          {
            ...lockedAway,
            mfaDevices: [],
            accessKeys: [anAccessKey({ accessKeyId: 'AKIABREAKGLASS000001' })],
          },
        ],
      }),
      findings: [
        {
          resourceArn: USER_ARN('breakglass'),
          severity: 'high',
          messageId: 'problems',
          data: {
            userName: 'breakglass',
            problems: 'has no MFA device; has 1 active access key(s) (AKIABREAKGLASS000001)',
          },
        },
      ],
    },
    {
      name: 'password in routine use',
      snapshot: twoAccounts({ users: [{ ...lockedAway, passwordLastUsed: '2026-11-25T00:00:00.000Z' }] }),
      findings: [
        {
          resourceArn: USER_ARN('breakglass'),
          severity: 'medium',
          messageId: 'problems',
          data: {
            userName: 'breakglass',
            problems: 'signed in 6 days ago (confirm it was an emergency, then rotate the password)',
          },
        },
      ],
    },
  ],
});

describe('break-glass users', () => {
  it('are never told to migrate, by tag or by the config list, and are checked instead', () => {
    const plain = aUser({ userName: 'emergency.admin', passwordEnabled: true, accessKeys: [anAccessKey()] });
    const byConfig = markBreakGlassUsers(twoAccounts({ users: [plain] }), ['emergency.admin']);
    for (const snapshot of [byConfig, twoAccounts({ users: [{ ...plain, tags: tag }] })]) {
      const { findings } = evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW });
      const about = findings.filter((f) => f.resourceArn === USER_ARN('emergency.admin'));
      expect(about.map((f) => f.ruleId)).toContain('iam-break-glass-user-hygiene');
      expect(about.map((f) => f.ruleId)).not.toContain('iam-human-user-not-federated');
      for (const finding of about)
        expect(finding.advice.migration?.kind, finding.ruleId).toBe('keep-break-glass');
    }
  });

  it('the config list matches by ARN or user name and leaves other users alone', () => {
    const snapshot = twoAccounts({ users: [aUser({ userName: 'a' }), aUser({ userName: 'b' })] });
    const marked = markBreakGlassUsers(snapshot, [USER_ARN('a')]);
    const users = marked.accounts[0]!.iam.users;
    expect(users.status === 'ok' && users.data.map((u) => u.tags['keysweep:break-glass'] ?? null)).toEqual([
      'true',
      null,
    ]);
  });
});
