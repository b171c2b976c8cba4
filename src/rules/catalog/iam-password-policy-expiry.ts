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
      message: !policy
        ? `Account ${account.id} has no password policy, so passwords never expire.`
        : maxAge === null
          ? `The password policy of account ${account.id} never expires passwords (at most ${options.maxPasswordAgeDays} days).`
          : `The password policy of account ${account.id} expires passwords after ${maxAge} days (at most ${options.maxPasswordAgeDays}).`,
      details: { maxPasswordAge: maxAge, policyExists: policy !== null },
    });
  },
});
