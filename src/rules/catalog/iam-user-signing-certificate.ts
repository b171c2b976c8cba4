import { z } from 'zod';
import {
  deleteSigningCertificateCommands,
  SIGNING_CERTIFICATE_REPLACEMENT,
} from '../../knowledge/long-lived-credential-advice.js';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-user-signing-certificate',
  title: 'IAM user holds an X.509 signing certificate',
  severity: 'medium',
  messages: {
    active: 'IAM user {userName} has an active signing certificate (slot {slot}), {ageDays} days old.',
    activeAgeUnknown: 'IAM user {userName} has an active signing certificate (slot {slot}).',
    inactive: 'IAM user {userName} keeps an inactive signing certificate (slot {slot}).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.signingCertificates'],
  reads: ['iam.users'],
  options: z.object({}),
  rationale:
    'A signing certificate is a long-lived credential of the IAM user, kept for legacy SOAP APIs. Nothing ' +
    'current needs it, it never expires on its own, and it keeps the IAM user from being deleted.',
  remediation: {
    console: ['IAM console → Users → the user → Security credentials → X.509 signing certificates → Delete'],
    cli: [
      'aws iam list-signing-certificates --user-name <user>',
      'aws iam delete-signing-certificate --user-name <user> --certificate-id <certificate-id>',
    ],
  },
  migration: `Delete it; what replaces it: ${SIGNING_CERTIFICATE_REPLACEMENT}.`,
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html'],
  evaluate({ slice, sliceIfCollected, now, fail, derive }) {
    const users = new Map((sliceIfCollected('iam.users') ?? []).map((user) => [user.arn, user]));
    for (const certificate of slice('iam.signingCertificates')) {
      const ageDays = certificate.lastRotated === null ? null : daysSince(certificate.lastRotated, now);
      const user = users.get(certificate.userArn);
      fail(certificate.userArn, {
        subject: `certificate ${certificate.slot}`,
        messageId: !certificate.active ? 'inactive' : ageDays === null ? 'activeAgeUnknown' : 'active',
        data: {
          userName: certificate.userName,
          slot: certificate.slot,
          ...(certificate.active && ageDays !== null ? { ageDays } : {}),
        },
        severity: certificate.active ? 'medium' : 'low',
        advice: {
          summary: `Delete the certificate; ${SIGNING_CERTIFICATE_REPLACEMENT}.`,
          fixNow: { console: [], cli: deleteSigningCertificateCommands(certificate) },
          ...(user ? { migration: userMigrationAdvice(derive, user) } : {}),
        },
        details: {
          slot: certificate.slot,
          active: certificate.active,
          ageDays,
          lastRotated: certificate.lastRotated,
        },
      });
    }
  },
});
