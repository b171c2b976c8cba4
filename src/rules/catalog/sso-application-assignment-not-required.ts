import { z } from 'zod';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-application-assignment-not-required',
  title: 'Identity Center application that does not require assignment',
  severity: 'medium',
  messages: {
    assignmentNotRequired:
      'Identity Center application {applicationName} does not require assignment: {everyone} can use it, whoever is assigned ({assignments}).',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::Application',
  requires: ['sso.applications'],
  reads: ['sso.identityStore'],
  options: z.object({}),
  rationale:
    'An application that does not require assignment lets every user of the Identity Center directory sign ' +
    'in to it: its assignments no longer say who has access, and a user added to the directory for one ' +
    'account can use it too.',
  remediation: {
    console: [
      'IAM Identity Center → Applications → the application → Assigned users and groups: assign the groups that need it',
      'Then Actions → Edit assignment method → Require assignments',
    ],
    cli: [
      'aws sso-admin put-application-assignment-configuration --application-arn <application-arn> --assignment-required',
    ],
  },
  migration:
    'Before moving people into Identity Center, require assignment on every application, so a new directory ' +
    'user reaches only what their groups are assigned.',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-applications.html',
    'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutApplicationAssignmentConfiguration.html',
  ],
  evaluate({ slice, sliceIfCollected, fail, unknown }) {
    const store = sliceIfCollected('sso.identityStore');
    const everyone = store
      ? `all ${store.users.length} user(s) of the directory`
      : 'every user of the directory';
    for (const application of slice('sso.applications')) {
      if (application.assignmentRequired === null) {
        // Not read: never a pass, never a guess.
        unknown(
          `whether ${application.name} requires assignment was not read (${application.unread.join('; ')})`,
        );
        continue;
      }
      if (application.assignmentRequired) continue;
      fail(application.applicationArn, {
        subject: application.name,
        ...(application.applicationAccount ? { accountId: application.applicationAccount } : {}),
        messageId: 'assignmentNotRequired',
        data: {
          applicationName: application.name,
          everyone,
          assignments:
            application.assignments === null
              ? 'assignments not read'
              : `${application.assignments.length} assignment(s)`,
        },
        advice: {
          summary: 'Assign the groups that need the application, then require assignment.',
          fixNow: {
            console: [],
            cli: [
              `aws sso-admin list-application-assignments --application-arn ${application.applicationArn}`,
              `aws sso-admin put-application-assignment-configuration --application-arn ${application.applicationArn} --assignment-required`,
            ],
          },
          migration: {
            kind: 'identity-center-hygiene',
            summary: 'Require assignment, so the application is reached through group assignments only.',
          },
        },
        details: {
          applicationArn: application.applicationArn,
          status: application.status,
          assignments: application.assignments === null ? null : application.assignments.length,
        },
      });
    }
  },
});
