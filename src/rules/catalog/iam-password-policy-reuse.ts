import { z } from 'zod';
import { defineRule } from '../define-rule.js';
import {
  PASSWORD_POLICY_MIGRATION,
  PASSWORD_POLICY_RESOURCE_TYPE,
  passwordPolicyArn,
  passwordPolicyFix,
} from './support/password-policy.js';

export default defineRule({
  id: 'iam-password-policy-reuse',
  title: 'Password policy missing or allows password reuse',
  severity: 'low',
  messages: {
    tooFewRemembered:
      'The password policy of account {accountId} remembers {remembered} previous passwords (at least {minReusePrevention}).',
    noPolicy: 'Account {accountId} has no password policy, so passwords can be reused.',
  },
  scope: 'account',
  resourceType: PASSWORD_POLICY_RESOURCE_TYPE,
  requires: ['iam.passwordPolicy'],
  options: z.object({
    minReusePrevention: z
      .number()
      .int()
      .min(1)
      .max(24)
      .default(24)
      .describe('Previous passwords the policy must remember.'),
  }),
  rationale:
    'Reused passwords bring back credentials that may already have leaked; remembering past ones prevents that.',
  remediation: {
    fromOptions: ({ minReusePrevention }) =>
      passwordPolicyFix(`--password-reuse-prevention ${minReusePrevention} --minimum-password-length 14`),
  },
  migration: PASSWORD_POLICY_MIGRATION,
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  ],
  evaluate({ slice, options, fail, account }) {
    const policy = slice('iam.passwordPolicy');
    const remembered = policy?.passwordReusePrevention ?? null;
    if (remembered !== null && remembered >= options.minReusePrevention) return;
    fail(passwordPolicyArn(account.id), {
      ...(policy
        ? {
            messageId: 'tooFewRemembered',
            data: {
              accountId: account.id,
              remembered: remembered ?? 'no',
              minReusePrevention: options.minReusePrevention,
            },
          }
        : { messageId: 'noPolicy', data: { accountId: account.id } }),
      details: { passwordReusePrevention: remembered, policyExists: policy !== null },
    });
  },
});
