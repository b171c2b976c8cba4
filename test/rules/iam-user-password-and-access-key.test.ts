import { describe, expect, it } from 'vitest';
import { anAccessKey, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-user-password-and-access-key.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW, ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const RECENT = '2026-11-20T00:00:00.000Z';
const OLD = '2025-01-01T00:00:00.000Z';
const key = (lastUsedDate: string | null) =>
  anAccessKey({ accessKeyId: 'AKIAALICE00000000001', lastUsedDate });
const alice = (passwordLastUsed: string | null, lastUsed: string | null) =>
  aUser({ userName: 'alice', passwordEnabled: true, passwordLastUsed, accessKeys: [key(lastUsed)] });

ruleTester(rule, {
  valid: [
    { name: 'password only', snapshot: oneAccount({ users: [aUser({ passwordEnabled: true })] }) },
    {
      name: 'keys only',
      snapshot: oneAccount({ users: [aUser({ userName: 'svc-ci', accessKeys: [key(RECENT)] })] }),
    },
    {
      name: 'password and an inactive key',
      snapshot: oneAccount({
        users: [aUser({ passwordEnabled: true, accessKeys: [anAccessKey({ status: 'Inactive' })] })],
      }),
    },
  ],
  invalid: [
    {
      name: 'console in use, key unused: drop the key',
      snapshot: oneAccount({ users: [alice(RECENT, null)] }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          messageId: 'dropAccessKeys',
          data: { userName: 'alice', keyCount: 1, recentDays: 90, keyIds: 'AKIAALICE00000000001' },
        },
      ],
    },
    {
      name: 'key in use, password unused: drop the password',
      snapshot: oneAccount({ users: [alice(OLD, RECENT)] }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          messageId: 'dropPassword',
          data: { userName: 'alice', keyCount: 1, recentDays: 90 },
        },
      ],
    },
    {
      name: 'neither in use: drop both',
      snapshot: oneAccount({ users: [alice(null, OLD)] }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          messageId: 'dropBoth',
          data: { userName: 'alice', keyCount: 1, recentDays: 90, keyIds: 'AKIAALICE00000000001' },
        },
      ],
    },
    {
      name: 'both in use: keys go after aws configure sso',
      snapshot: oneAccount({ users: [alice(RECENT, RECENT)] }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          messageId: 'dropAccessKeysAfterSso',
          data: { userName: 'alice', keyCount: 1, keyIds: 'AKIAALICE00000000001' },
        },
      ],
    },
  ],
});

describe('iam-user-password-and-access-key fix steps', () => {
  it('name the user and the key to delete, not placeholders', () => {
    const { findings } = evaluate(oneAccount({ users: [alice(RECENT, null)] }), {
      rules: [rule],
      now: FIXED_NOW,
    });
    expect(findings[0]!.advice.fixNow.cli).toEqual([
      'aws iam delete-access-key --user-name alice --access-key-id AKIAALICE00000000001',
    ]);
    expect(findings[0]!.details.drop).toBe('access-keys');
  });
});
