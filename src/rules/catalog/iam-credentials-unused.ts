import { z } from 'zod';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-credentials-unused',
  title: 'IAM user credential (password or access key) unused for too long',
  severity: 'medium',
  messages: {
    passwordLastUsed:
      'The console password of IAM user {userName} was last used {days} days ago (maximum {maxUnusedDays}).',
    passwordNeverUsed:
      'The console password of IAM user {userName} was never used in {days} days (maximum {maxUnusedDays}).',
    keyLastUsed:
      'The access key {keyId} of IAM user {userName} was last used {days} days ago (maximum {maxUnusedDays}).',
    keyNeverUsed:
      'The access key {keyId} of IAM user {userName} was never used in {days} days (maximum {maxUnusedDays}).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    maxUnusedDays: z
      .number()
      .int()
      .positive()
      .default(45)
      .describe('Days a password or active access key may go unused.'),
  }),
  rationale:
    'A password or access key nobody uses still works for whoever holds a copy. Unused credentials belong to ' +
    'people who left or workloads that moved, and nobody notices when they are used again by someone else.',
  remediation: {
    console: [
      'IAM console → Users → the user → Security credentials',
      'Console sign-in: Manage console access → Disable; Access keys: Actions → Deactivate, then Delete',
    ],
    cli: [
      'aws iam delete-login-profile --user-name <user>',
      'aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive',
      'aws iam delete-access-key --user-name <user> --access-key-id <key-id>',
    ],
  },
  migration:
    'An unused credential is the cheapest one to remove: delete it now, and if the person still needs access ' +
    'give it through an IAM Identity Center group instead of re-enabling the IAM user.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
  evaluate({ slice, now, options, fail, derive }) {
    for (const user of slice('iam.users')) {
      // A credential that was never used counts from when it was created (or the password last set).
      const unused: Array<{ subject: string; key: string | null; days: number; lastUsed: string | null }> =
        [];
      if (user.passwordEnabled) {
        const since = user.passwordLastUsed ?? user.passwordLastChanged ?? user.createDate;
        unused.push({
          subject: 'password',
          key: null,
          days: daysSince(since, now),
          lastUsed: user.passwordLastUsed,
        });
      }
      for (const key of user.accessKeys) {
        if (key.status !== 'Active') continue;
        const since = key.lastUsedDate ?? key.createDate;
        unused.push({
          subject: key.accessKeyId,
          key: key.accessKeyId,
          days: daysSince(since, now),
          lastUsed: key.lastUsedDate,
        });
      }
      for (const credential of unused) {
        if (credential.days <= options.maxUnusedDays) continue;
        fail(user.arn, {
          subject: credential.subject,
          ...(credential.key === null
            ? { messageId: credential.lastUsed ? 'passwordLastUsed' : 'passwordNeverUsed' }
            : { messageId: credential.lastUsed ? 'keyLastUsed' : 'keyNeverUsed' }),
          data: {
            userName: user.userName,
            days: credential.days,
            maxUnusedDays: options.maxUnusedDays,
            ...(credential.key === null ? {} : { keyId: credential.key }),
          },
          advice: { migration: userMigrationAdvice(derive, user) },
          details: {
            credential: credential.subject,
            unusedDays: credential.days,
            lastUsed: credential.lastUsed,
          },
        });
      }
    }
  },
});
