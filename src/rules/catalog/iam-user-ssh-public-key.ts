import { z } from 'zod';
import {
  deleteSshPublicKeyCommand,
  SSH_KEY_REPLACEMENT,
} from '../../knowledge/long-lived-credential-advice.js';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-user-ssh-public-key',
  title: 'IAM user holds an SSH public key (CodeCommit)',
  severity: 'medium',
  messages: {
    active: 'IAM user {userName} has an active SSH public key {keyId}, {ageDays} days old.',
    activeAgeUnknown: 'IAM user {userName} has an active SSH public key {keyId}.',
    inactive: 'IAM user {userName} keeps an inactive SSH public key {keyId} (it can be reactivated).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.sshPublicKeys'],
  reads: ['iam.users'],
  options: z.object({
    maxAgeDays: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe('An active SSH key older than this many days is reported as high.'),
  }),
  rationale:
    'An SSH public key uploaded to an IAM user lets whoever holds the private key push to and pull from ' +
    'CodeCommit as that user, without MFA and without expiry. It is invisible in the credential report, ' +
    'survives a migration to IAM Identity Center, and keeps the IAM user from being deleted.',
  remediation: {
    console: [
      'IAM console → Users → the user → Security credentials → SSH public keys for AWS CodeCommit → Delete',
    ],
    cli: [
      'aws iam list-ssh-public-keys --user-name <user>',
      'aws iam delete-ssh-public-key --user-name <user> --ssh-public-key-id <key-id>',
    ],
  },
  migration: `Replace with ${SSH_KEY_REPLACEMENT}.`,
  references: ['https://docs.aws.amazon.com/codecommit/latest/userguide/setting-up-ssh-unixes.html'],
  evaluate({ slice, sliceIfCollected, now, options, fail, derive }) {
    const users = new Map((sliceIfCollected('iam.users') ?? []).map((user) => [user.arn, user]));
    for (const key of slice('iam.sshPublicKeys')) {
      const ageDays = key.uploadDate === null ? null : daysSince(key.uploadDate, now);
      const active = key.status === 'Active';
      const user = users.get(key.userArn);
      fail(key.userArn, {
        subject: key.sshPublicKeyId,
        messageId: !active ? 'inactive' : ageDays === null ? 'activeAgeUnknown' : 'active',
        data: {
          userName: key.userName,
          keyId: key.sshPublicKeyId,
          ...(active && ageDays !== null ? { ageDays } : {}),
        },
        severity: !active ? 'low' : ageDays !== null && ageDays > options.maxAgeDays ? 'high' : 'medium',
        advice: {
          summary: `Move Git access to ${SSH_KEY_REPLACEMENT}, then delete the key.`,
          fixNow: { console: [], cli: [deleteSshPublicKeyCommand(key)] },
          ...(user ? { migration: userMigrationAdvice(derive, user) } : {}),
        },
        details: {
          sshPublicKeyId: key.sshPublicKeyId,
          status: key.status,
          ageDays,
          uploadDate: key.uploadDate,
        },
      });
    }
  },
});
