import { z } from 'zod';
import { defineRule } from '../define-rule.js';
import {
  PASSWORD_POLICY_MIGRATION,
  PASSWORD_POLICY_RESOURCE_TYPE,
  passwordPolicyArn,
  passwordPolicyFix,
} from './support/password-policy.js';

export default defineRule({
  id: 'iam-password-policy-change-disallowed',
  title: 'Password policy does not let users change their own password',
  severity: 'low',
  messages: {
    changeDisallowed:
      'The password policy of account {accountId} does not allow IAM users to change their own password.',
  },
  scope: 'account',
  resourceType: PASSWORD_POLICY_RESOURCE_TYPE,
  requires: ['iam.passwordPolicy'],
  options: z.object({}),
  rationale:
    'A person who cannot change their own password cannot replace one they suspect has leaked, and every ' +
    'reset goes through an administrator, who then knows (or mails) the new password.',
  // The other settings are repeated because the call replaces the whole policy.
  remediation: passwordPolicyFix(
    '--allow-users-to-change-password --minimum-password-length 14 --password-reuse-prevention 24',
  ),
  migration: PASSWORD_POLICY_MIGRATION,
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_enable-user-change.html',
  ],
  evaluate({ slice, fail, account }) {
    const policy = slice('iam.passwordPolicy');
    // Without a custom policy the setting does not exist; the missing policy is reported by the other rules.
    if (policy === null || policy.allowUsersToChangePassword) return;
    fail(passwordPolicyArn(account.id), {
      messageId: 'changeDisallowed',
      data: { accountId: account.id },
      details: { allowUsersToChangePassword: false },
    });
  },
});
