import { z } from 'zod';
import {
  deleteServiceCredentialCommand,
  serviceCredentialKind,
} from '../../knowledge/long-lived-credential-advice.js';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-user-service-specific-credential',
  title: 'IAM user holds a service-specific credential (CodeCommit, Keyspaces, Bedrock API key)',
  severity: 'medium',
  messages: {
    activeNoExpiry:
      'IAM user {userName} has an active {kind} ({credentialId}), {ageDays} days old, with no expiry.',
    activeExpiring:
      'IAM user {userName} has an active {kind} ({credentialId}), {ageDays} days old, expiring {expirationDate}.',
    activeNoExpiryAgeUnknown: 'IAM user {userName} has an active {kind} ({credentialId}), with no expiry.',
    activeExpiringAgeUnknown:
      'IAM user {userName} has an active {kind} ({credentialId}), expiring {expirationDate}.',
    inactive: 'IAM user {userName} keeps an inactive {kind} ({credentialId}; it can be reactivated).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.serviceCredentials'],
  reads: ['iam.users'],
  options: z.object({
    maxAgeDays: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe('An active credential older than this many days is reported as high.'),
  }),
  rationale:
    'Service-specific credentials — CodeCommit Git passwords, Amazon Keyspaces passwords, Amazon Bedrock ' +
    'long-term API keys — are static secrets of an IAM user that act with the user’s permissions, outside ' +
    'the credential report and without MFA. A Bedrock API key without an expiry date never stops working.',
  remediation: {
    console: [
      'IAM console → Users → the user → Security credentials → the service’s credentials (or API keys) → Delete',
    ],
    cli: [
      'aws iam list-service-specific-credentials --user-name <user>',
      'aws iam delete-service-specific-credential --user-name <user> --service-specific-credential-id <id>',
    ],
  },
  migration:
    'Each service accepts short-lived credentials: git-remote-codecommit for CodeCommit, the SigV4 plugin for ' +
    'Keyspaces, short-term API keys or SigV4 for Bedrock — all from IAM Identity Center or a role.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_service-specific-creds.html'],
  evaluate({ slice, sliceIfCollected, now, options, fail, derive }) {
    const users = new Map((sliceIfCollected('iam.users') ?? []).map((user) => [user.arn, user]));
    for (const credential of slice('iam.serviceCredentials')) {
      const expired =
        credential.expirationDate !== null && Date.parse(credential.expirationDate) <= now.getTime();
      if (expired) continue; // Expired keys authenticate nothing; IAM keeps them listed until deleted.
      const kind = serviceCredentialKind(credential.serviceName);
      const ageDays = credential.createDate === null ? null : daysSince(credential.createDate, now);
      const active = credential.status === 'Active';
      const neverExpires = credential.expirationDate === null;
      const old = ageDays !== null && ageDays > options.maxAgeDays;
      const user = users.get(credential.userArn);
      fail(credential.userArn, {
        subject: credential.credentialId,
        messageId: !active
          ? 'inactive'
          : neverExpires
            ? ageDays === null
              ? 'activeNoExpiryAgeUnknown'
              : 'activeNoExpiry'
            : ageDays === null
              ? 'activeExpiringAgeUnknown'
              : 'activeExpiring',
        data: {
          userName: credential.userName,
          kind: kind.label,
          credentialId: credential.credentialId,
          ...(active && ageDays !== null ? { ageDays } : {}),
          ...(active && credential.expirationDate !== null
            ? { expirationDate: credential.expirationDate }
            : {}),
        },
        severity: !active ? 'low' : old && neverExpires ? 'high' : 'medium',
        advice: {
          summary: `Replace with ${kind.replacement}, then delete the credential.`,
          fixNow: { console: [], cli: [deleteServiceCredentialCommand(credential)] },
          ...(user ? { migration: userMigrationAdvice(derive, user) } : {}),
        },
        details: {
          credentialId: credential.credentialId,
          service: credential.serviceName,
          status: credential.status,
          ageDays,
          expirationDate: credential.expirationDate,
        },
      });
    }
  },
});
