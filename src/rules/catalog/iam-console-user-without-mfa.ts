import { z } from 'zod';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';
import { ASSIGN_USER_MFA_FIX } from './support/user-mfa.js';

export default defineRule({
  id: 'iam-console-user-without-mfa',
  title: 'IAM user with a console password has no MFA',
  severity: 'high',
  messages: {
    noMfa: 'IAM user {userName} can sign in to the console with a password and has no MFA device.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({}),
  rationale:
    'A console password without a second factor is one phishing page or reused password away from a ' +
    'console session with every permission the user has.',
  remediation: ASSIGN_USER_MFA_FIX,
  migration:
    'Move the person to IAM Identity Center, where MFA is enforced centrally, then delete the console password.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html'],
  evaluate({ slice, fail, derive }) {
    for (const user of slice('iam.users')) {
      if (!user.passwordEnabled || user.mfaDevices.length > 0) continue;
      fail(user.arn, {
        messageId: 'noMfa',
        data: { userName: user.userName },
        advice: { migration: userMigrationAdvice(derive, user) },
        details: { passwordLastUsed: user.passwordLastUsed },
      });
    }
  },
});
