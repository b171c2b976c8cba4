import { z } from 'zod';
import type { IamUser } from '../../inventory/iam-schema.js';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

type Drop = 'access-keys' | 'password' | 'both' | 'access-keys-after-sso';

export default defineRule({
  id: 'iam-user-password-and-access-key',
  title: 'IAM user has both a console password and an active access key',
  severity: 'medium',
  messages: {
    dropAccessKeys:
      'IAM user {userName} has a console password and {keyCount} active access key(s); the password is in use but no key was used in {recentDays} days: delete access key(s) {keyIds}.',
    dropPassword:
      'IAM user {userName} has a console password and {keyCount} active access key(s); the key(s) are in use but the password was not used in {recentDays} days: delete the console password.',
    dropBoth:
      'IAM user {userName} has a console password and {keyCount} active access key(s); neither was used in {recentDays} days: delete the password and access key(s) {keyIds}.',
    dropAccessKeysAfterSso:
      'IAM user {userName} has a console password and {keyCount} active access key(s); both are in use: move CLI use to IAM Identity Center (aws configure sso), then delete access key(s) {keyIds}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    recentDays: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe('A credential used within this many days counts as in use.'),
  }),
  rationale:
    'A person with a console password and an access key has two independent ways in: the key is a secret that ' +
    'copies into files and scripts and needs no MFA. One of them is almost always unused or replaceable.',
  remediation: {
    console: [
      'IAM console → Users → the user → Security credentials: delete the credential named in the finding',
    ],
    cli: [
      'aws iam delete-access-key --user-name <user> --access-key-id <key-id>',
      'aws iam delete-login-profile --user-name <user>',
    ],
  },
  migration:
    'A person who needs the CLI uses IAM Identity Center (`aws configure sso`) with short-lived credentials; ' +
    'then both the access key and the console password go.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/cli/latest/userguide/sso-configure-profile-token.html',
  ],
  evaluate({ slice, now, options, fail, derive }) {
    const recent = (date: string | null) => date !== null && daysSince(date, now) <= options.recentDays;
    for (const user of slice('iam.users')) {
      const keys = user.accessKeys.filter((key) => key.status === 'Active');
      if (!user.passwordEnabled || keys.length === 0) continue;
      const passwordInUse = recent(user.passwordLastUsed);
      const keysInUse = keys.filter((key) => recent(key.lastUsedDate));
      const drop: Drop =
        passwordInUse && keysInUse.length > 0
          ? 'access-keys-after-sso'
          : passwordInUse
            ? 'access-keys'
            : keysInUse.length > 0
              ? 'password'
              : 'both';
      const keyIds = keys.map((key) => key.accessKeyId);
      fail(user.arn, {
        messageId: DROP_MESSAGE[drop],
        data: {
          userName: user.userName,
          keyCount: keys.length,
          ...(drop === 'access-keys-after-sso' ? {} : { recentDays: options.recentDays }),
          ...(drop === 'password' ? {} : { keyIds: keyIds.join(', ') }),
        },
        advice: {
          summary: `Drop ${DROP_LABEL[drop]} of ${user.userName}`,
          fixNow: fixFor(user, drop, keyIds),
          migration: userMigrationAdvice(derive, user),
        },
        details: { drop, accessKeyIds: keyIds.join(','), passwordInUse, keysInUse: keysInUse.length },
      });
    }
  },
});

const DROP_LABEL: Record<Drop, string> = {
  'access-keys': 'the access key(s)',
  password: 'the console password',
  both: 'the console password and the access key(s)',
  'access-keys-after-sso': 'the access key(s), after moving CLI use to IAM Identity Center,',
};

const DROP_MESSAGE = {
  'access-keys': 'dropAccessKeys',
  password: 'dropPassword',
  both: 'dropBoth',
  'access-keys-after-sso': 'dropAccessKeysAfterSso',
} as const satisfies Record<Drop, string>;

function fixFor(user: IamUser, drop: Drop, keyIds: string[]) {
  const deleteKeys = keyIds.map(
    (id) => `aws iam delete-access-key --user-name ${user.userName} --access-key-id ${id}`,
  );
  const deletePassword = `aws iam delete-login-profile --user-name ${user.userName}`;
  const console = [`IAM console → Users → ${user.userName} → Security credentials`];
  switch (drop) {
    case 'access-keys':
      return {
        console: [...console, `Access keys: deactivate, then delete ${keyIds.join(', ')}`],
        cli: deleteKeys,
      };
    case 'password':
      return {
        console: [...console, 'Console sign-in: Manage console access → Disable'],
        cli: [deletePassword],
      };
    case 'both':
      return {
        console: [...console, 'Disable console access and delete every access key'],
        cli: [deletePassword, ...deleteKeys],
      };
    case 'access-keys-after-sso':
      return {
        console: [...console, 'After the person uses aws configure sso: delete the access keys'],
        cli: [
          'aws configure sso   # on the person’s machine, with the Identity Center start URL',
          ...deleteKeys,
        ],
      };
  }
}
