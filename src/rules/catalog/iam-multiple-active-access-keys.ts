import { z } from 'zod';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-multiple-active-access-keys',
  title: 'IAM user has more than one active access key',
  severity: 'medium',
  messages: {
    tooManyKeys: 'IAM user {userName} has {activeKeys} active access keys (maximum {maxActiveKeys}).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    maxActiveKeys: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Active access keys allowed per IAM user.'),
  }),
  rationale:
    'Two active keys double the secrets to protect and usually mean a rotation that was never finished: ' +
    'the old key still works wherever it was copied.',
  remediation: {
    console: [
      'IAM console → Users → the user → Security credentials → Access keys: deactivate the key not in use, then delete it',
    ],
    cli: [
      'aws iam list-access-keys --user-name <user>',
      'aws iam update-access-key --user-name <user> --access-key-id <unused-key-id> --status Inactive',
      'aws iam delete-access-key --user-name <user> --access-key-id <unused-key-id>',
    ],
  },
  migration:
    'Finish the rotation, then remove the need for a key: a role for AWS compute, OIDC federation for CI, ' +
    'IAM Roles Anywhere on premises, IAM Identity Center for people.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
  evaluate({ slice, options, fail, derive }) {
    for (const user of slice('iam.users')) {
      const active = user.accessKeys.filter((key) => key.status === 'Active');
      if (active.length <= options.maxActiveKeys) continue;
      fail(user.arn, {
        messageId: 'tooManyKeys',
        data: { userName: user.userName, activeKeys: active.length, maxActiveKeys: options.maxActiveKeys },
        advice: { migration: userMigrationAdvice(derive, user) },
        details: { activeKeys: active.length, accessKeyIds: active.map((key) => key.accessKeyId).join(',') },
      });
    }
  },
});
