import { z } from 'zod';
import { classifyUser } from '../../knowledge/classify-user.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';
import { ASSIGN_USER_MFA_FIX } from './support/user-mfa.js';

export default defineRule({
  id: 'iam-user-without-mfa',
  title: 'IAM user has no MFA device',
  severity: 'medium',
  messages: {
    noMfa: 'IAM user {userName} has no MFA device.',
    noMfaKeyOnlyWorkload:
      'IAM user {userName} has no MFA device; it is a key-only workload, for which MFA protects nothing: replace its keys with a role instead.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    /** Users with neither a password nor an active key cannot sign in; Security Hub still counts them. */
    includeUsersWithoutCredentials: z
      .boolean()
      .default(true)
      .describe('Also report users that have neither a password nor an active key.'),
  }),
  rationale:
    'Without MFA, one leaked secret is enough. Policies can require MFA for sensitive actions only when the ' +
    'user has a device; a user without one has no second factor anywhere.',
  remediation: ASSIGN_USER_MFA_FIX,
  migration:
    'People get MFA enforced centrally in IAM Identity Center; workloads should not hold user credentials at all ' +
    '(roles, OIDC federation, IAM Roles Anywhere).',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-19'],
  evaluate({ slice, options, fail, derive }) {
    for (const user of slice('iam.users')) {
      if (user.mfaDevices.length > 0) continue;
      const hasCredentials = user.passwordEnabled || user.accessKeys.some((key) => key.status === 'Active');
      if (!hasCredentials && !options.includeUsersWithoutCredentials) continue;
      // FSBP IAM.19 counts every user, so the fact stays; but a key-only workload cannot use MFA in any
      // meaningful way (the key is the credential), so it is low and points at the real fix, a role.
      const keyOnlyWorkload = !user.passwordEnabled && classifyUser(user).kind === 'workload';
      fail(user.arn, {
        messageId: keyOnlyWorkload ? 'noMfaKeyOnlyWorkload' : 'noMfa',
        data: { userName: user.userName },
        ...(keyOnlyWorkload ? { severity: 'low' as const } : {}),
        advice: { migration: userMigrationAdvice(derive, user) },
        details: {
          passwordEnabled: user.passwordEnabled,
          activeKeys: user.accessKeys.filter((k) => k.status === 'Active').length,
          keyOnlyWorkload,
        },
      });
    }
  },
});
