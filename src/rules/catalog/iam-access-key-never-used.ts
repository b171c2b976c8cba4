import { z } from 'zod';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

const MINUTE_MS = 60_000;

export default defineRule({
  id: 'iam-access-key-never-used',
  title: 'Active access key never used since it was created',
  severity: 'low',
  messages: {
    neverUsed: 'Access key {keyId} of IAM user {userName} has never been used in {ageDays} days.',
    neverUsedCreatedWithUser:
      'Access key {keyId} of IAM user {userName} has never been used in {ageDays} days and was created together with the user.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    /** A key created minutes ago is not "never used" yet. */
    graceDays: z
      .number()
      .int()
      .nonnegative()
      .default(7)
      .describe('Days a new key may stay unused before it counts as never used.'),
    /** A key created within this many minutes of the user was set up with it (the CIS 1.11 pattern). */
    createdWithUserMinutes: z
      .number()
      .int()
      .nonnegative()
      .default(10)
      .describe('A key created within this many minutes of its user counts as set up with the user.'),
  }),
  rationale:
    'Keys handed out when a user is created "just in case" are never used by their owner but work for anyone ' +
    'who finds them. CIS asks not to create keys during initial user setup.',
  remediation: {
    console: [
      'IAM console → Users → the user → Security credentials → Access keys: Deactivate, then Delete the unused key',
    ],
    cli: ['aws iam delete-access-key --user-name <user> --access-key-id <key-id>'],
  },
  migration:
    'People who need the CLI use `aws configure sso` with IAM Identity Center instead of an access key; ' +
    'workloads use a role, OIDC federation or IAM Roles Anywhere.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
  evaluate({ slice, now, options, fail, derive }) {
    for (const user of slice('iam.users')) {
      for (const key of user.accessKeys) {
        if (key.status !== 'Active' || key.lastUsedDate !== null) continue;
        const ageDays = daysSince(key.createDate, now);
        if (ageDays <= options.graceDays) continue;
        const gapMs = Math.abs(Date.parse(key.createDate) - Date.parse(user.createDate));
        const createdWithUser = gapMs <= options.createdWithUserMinutes * MINUTE_MS;
        fail(user.arn, {
          subject: key.accessKeyId,
          messageId: createdWithUser ? 'neverUsedCreatedWithUser' : 'neverUsed',
          data: { keyId: key.accessKeyId, userName: user.userName, ageDays },
          // The CIS case — keys handed to a console user at setup — is the one to fix first.
          severity: createdWithUser && user.passwordEnabled ? 'medium' : 'low',
          advice: { migration: userMigrationAdvice(derive, user) },
          details: { accessKeyId: key.accessKeyId, ageDays, createdWithUser, createDate: key.createDate },
        });
      }
    }
  },
});
