import { z } from 'zod';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-access-key-max-age',
  title: 'Active access key older than the maximum age',
  severity: 'high',
  messages: {
    tooOld: 'Access key {keyId} of IAM user {userName} is {ageDays} days old (maximum {maxAgeDays}).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    maxAgeDays: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe('Days an active access key may live before it must be rotated.'),
  }),
  rationale:
    'A long-lived access key is a static secret: the longer it lives the more places it has been copied to ' +
    '(laptops, CI variables, logs) and the longer a leaked copy stays useful to an attacker.',
  remediation: {
    console: [
      'IAM console → Users → the user → Security credentials → Create access key',
      'Deploy the new key where the old one is used, then make the old key Inactive and delete it',
    ],
    cli: [
      'aws iam create-access-key --user-name <user>',
      'aws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive',
      'aws iam delete-access-key --user-name <user> --access-key-id <old-key-id>',
    ],
  },
  migration:
    'Rotation only shortens the exposure. Humans should use IAM Identity Center short-lived credentials; ' +
    'workloads should use an IAM role (compute), OIDC federation (CI) or IAM Roles Anywhere (on-premises).',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  ],
  evaluate({ slice, now, options, fail, derive }) {
    for (const user of slice('iam.users')) {
      for (const key of user.accessKeys) {
        if (key.status !== 'Active') continue;
        const ageDays = daysSince(key.createDate, now);
        if (ageDays <= options.maxAgeDays) continue;
        fail(user.arn, {
          subject: key.accessKeyId,
          messageId: 'tooOld',
          data: { keyId: key.accessKeyId, userName: user.userName, ageDays, maxAgeDays: options.maxAgeDays },
          advice: { migration: userMigrationAdvice(derive, user) },
          details: {
            accessKeyId: key.accessKeyId,
            ageDays,
            createDate: key.createDate,
            lastUsedDate: key.lastUsedDate,
          },
        });
      }
    }
  },
});
