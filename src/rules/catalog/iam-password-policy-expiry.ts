import { z } from 'zod';
import { defineRule } from '../define-rule.js';
import {
  PASSWORD_POLICY_MIGRATION,
  PASSWORD_POLICY_RESOURCE_TYPE,
  passwordPolicyArn,
  passwordPolicyFix,
} from './support/password-policy.js';

export default defineRule({
  id: 'iam-password-policy-expiry',
  title: 'Password policy missing or passwords do not expire in time',
  severity: 'low',
  messages: {
    noPolicy: 'Account {accountId} has no password policy, so passwords never expire.',
    neverExpires:
      'The password policy of account {accountId} never expires passwords (at most {maxPasswordAgeDays} days).',
    expiresTooLate:
      'The password policy of account {accountId} expires passwords after {maxAge} days (at most {maxPasswordAgeDays}).',
  },
  scope: 'account',
  resourceType: PASSWORD_POLICY_RESOURCE_TYPE,
  requires: ['iam.passwordPolicy'],
  options: z.object({
    maxPasswordAgeDays: z
      .number()
      .int()
      .min(1)
      .max(1095)
      .default(90)
      .describe('Maximum password age the policy must enforce, in days.'),
  }),
  rationale:
    'Security Hub (IAM.17, PCI DSS) expects IAM passwords to expire; a password that never expires stays useful ' +
    'to whoever obtained it. (NIST now prefers no forced expiry with MFA: raise the option if you follow that.)',
  remediation: {
    fromOptions: ({ maxPasswordAgeDays }) =>
      passwordPolicyFix(
        `--max-password-age ${maxPasswordAgeDays} --minimum-password-length 14 --password-reuse-prevention 24`,
      ),
  },
  migration: PASSWORD_POLICY_MIGRATION,
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-17'],
  evaluate({ slice, options, fail, account }) {
    const policy = slice('iam.passwordPolicy');
    const maxAge = policy?.expirePasswords ? policy.maxPasswordAge : null;
    if (maxAge !== null && maxAge <= options.maxPasswordAgeDays) return;
    fail(passwordPolicyArn(account.id), {
      ...(!policy
        ? { messageId: 'noPolicy', data: { accountId: account.id } }
        : maxAge === null
          ? {
              messageId: 'neverExpires',
              data: { accountId: account.id, maxPasswordAgeDays: options.maxPasswordAgeDays },
            }
          : {
              messageId: 'expiresTooLate',
              data: { accountId: account.id, maxAge, maxPasswordAgeDays: options.maxPasswordAgeDays },
            }),
      details: { maxPasswordAge: maxAge, policyExists: policy !== null },
    });
  },
});
