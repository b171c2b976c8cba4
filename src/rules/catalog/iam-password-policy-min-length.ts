import { z } from 'zod';
import { defineRule } from '../define-rule.js';
import {
  PASSWORD_POLICY_MIGRATION,
  PASSWORD_POLICY_RESOURCE_TYPE,
  passwordPolicyArn,
  passwordPolicyFix,
} from './support/password-policy.js';

export default defineRule({
  id: 'iam-password-policy-min-length',
  title: 'Password policy missing or minimum length too short',
  severity: 'medium',
  messages: {
    tooShort:
      'The password policy of account {accountId} requires {length} minimum characters (at least {minLength}).',
    noPolicy: 'Account {accountId} has no password policy (at least {minLength} characters required).',
  },
  scope: 'account',
  resourceType: PASSWORD_POLICY_RESOURCE_TYPE,
  requires: ['iam.passwordPolicy'],
  options: z.object({
    minLength: z
      .number()
      .int()
      .min(6)
      .max(128)
      .default(14)
      .describe('Minimum password length the policy must require.'),
  }),
  rationale:
    'Short passwords fall to guessing and credential stuffing; without a policy IAM accepts 8 characters.',
  remediation: {
    fromOptions: ({ minLength }) =>
      passwordPolicyFix(
        `--minimum-password-length ${minLength} --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters`,
      ),
  },
  migration: PASSWORD_POLICY_MIGRATION,
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  ],
  evaluate({ slice, options, fail, account }) {
    const policy = slice('iam.passwordPolicy');
    const length = policy?.minimumPasswordLength ?? null;
    if (length !== null && length >= options.minLength) return;
    fail(passwordPolicyArn(account.id), {
      messageId: policy ? 'tooShort' : 'noPolicy',
      data: {
        accountId: account.id,
        minLength: options.minLength,
        ...(policy ? { length: length ?? 'no' } : {}),
      },
      details: { minimumPasswordLength: length, policyExists: policy !== null },
    });
  },
});
