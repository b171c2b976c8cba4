import { z } from 'zod';
import { BREAK_GLASS_TAG, isBreakGlass } from '../../knowledge/break-glass.js';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-break-glass-user-hygiene',
  title: 'Break-glass IAM user lacks MFA, holds access keys, or its password is in routine use',
  severity: 'high',
  messages: {
    problems: 'Break-glass IAM user {userName} {problems}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    routineUseDays: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe('A break-glass password used within this many days is reported for review.'),
  }),
  rationale:
    'A break-glass user is the one IAM user AWS recommends keeping for when IAM Identity Center is unavailable. ' +
    'It is only safe when locked away: MFA, a password nobody uses day to day, and no access keys to leak.',
  remediation: {
    console: [
      'IAM console → Users → the break-glass user → Security credentials: assign MFA, delete access keys',
      'Review CloudTrail for its recent sign-ins; rotate the password after any use',
    ],
    cli: [
      'aws iam list-access-keys --user-name <user>',
      'aws iam delete-access-key --user-name <user> --access-key-id <key-id>',
    ],
  },
  migration:
    `Break-glass users are not migrated. Mark them with the tag ${BREAK_GLASS_TAG}=true or the config's ` +
    'breakGlassUsers list; keysweep then checks them instead of advising migration.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#lock-away-credentials',
    'https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/break-glass-access.html',
  ],
  evaluate({ slice, now, options, fail, derive }) {
    for (const user of slice('iam.users')) {
      if (!isBreakGlass(user)) continue;
      const activeKeys = user.accessKeys.filter((key) => key.status === 'Active');
      const usedDaysAgo = user.passwordLastUsed ? daysSince(user.passwordLastUsed, now) : null;
      const problems = [
        ...(user.mfaDevices.length === 0 ? ['has no MFA device'] : []),
        ...(activeKeys.length > 0
          ? [
              `has ${activeKeys.length} active access key(s) (${activeKeys.map((k) => k.accessKeyId).join(', ')})`,
            ]
          : []),
        ...(!user.passwordEnabled ? ['has no console password, so it cannot be used in an emergency'] : []),
        ...(usedDaysAgo !== null && usedDaysAgo <= options.routineUseDays
          ? [`signed in ${usedDaysAgo} days ago (confirm it was an emergency, then rotate the password)`]
          : []),
      ];
      if (problems.length === 0) continue;
      const serious = user.mfaDevices.length === 0 || activeKeys.length > 0;
      fail(user.arn, {
        messageId: 'problems',
        data: { userName: user.userName, problems: problems.join('; ') },
        severity: serious ? 'high' : 'medium',
        advice: { migration: userMigrationAdvice(derive, user) },
        details: {
          mfa: user.mfaDevices.length > 0,
          activeKeys: activeKeys.length,
          passwordEnabled: user.passwordEnabled,
          passwordLastUsedDaysAgo: usedDaysAgo,
        },
      });
    }
  },
});
