import { z } from 'zod';
import type { PasswordPolicy } from '../../inventory/iam-schema.js';
import { defineRule } from '../define-rule.js';
import {
  PASSWORD_POLICY_MIGRATION,
  PASSWORD_POLICY_RESOURCE_TYPE,
  passwordPolicyArn,
  passwordPolicyFix,
} from './support/password-policy.js';

const CHARACTER_CLASSES = ['uppercase', 'lowercase', 'numbers', 'symbols'] as const;
const POLICY_FIELD: Record<(typeof CHARACTER_CLASSES)[number], keyof PasswordPolicy> = {
  uppercase: 'requireUppercaseCharacters',
  lowercase: 'requireLowercaseCharacters',
  numbers: 'requireNumbers',
  symbols: 'requireSymbols',
};

export default defineRule({
  id: 'iam-password-policy-complexity',
  title: 'Password policy missing or does not require character classes',
  severity: 'low',
  messages: {
    classesMissing: 'The password policy of account {accountId} does not require {missing}.',
    noPolicy: 'Account {accountId} has no password policy, so no character classes are required.',
  },
  scope: 'account',
  resourceType: PASSWORD_POLICY_RESOURCE_TYPE,
  requires: ['iam.passwordPolicy'],
  options: z.object({
    require: z
      .array(z.enum(CHARACTER_CLASSES))
      .default([...CHARACTER_CLASSES])
      .describe('Character classes the policy must require.'),
  }),
  rationale: 'Requiring several character classes widens the search space an attacker has to guess through.',
  remediation: passwordPolicyFix(
    '--require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --minimum-password-length 14',
  ),
  migration: PASSWORD_POLICY_MIGRATION,
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  ],
  evaluate({ slice, options, fail, account }) {
    const policy = slice('iam.passwordPolicy');
    const missing = options.require.filter((kind) => policy?.[POLICY_FIELD[kind]] !== true);
    if (missing.length === 0) return;
    fail(passwordPolicyArn(account.id), {
      ...(policy
        ? { messageId: 'classesMissing', data: { accountId: account.id, missing: missing.join(', ') } }
        : { messageId: 'noPolicy', data: { accountId: account.id } }),
      details: { missing: missing.join(','), policyExists: policy !== null },
    });
  },
});
