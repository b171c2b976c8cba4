import { z } from 'zod';
import { MIGRATION_PLAN } from '../../knowledge/migration-planner.js';
import { organizationArn } from '../../knowledge/policy/identity-center.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-instance-missing',
  title: 'No IAM Identity Center instance while people use IAM users',
  severity: 'high',
  messages: {
    noInstance:
      'The organization has no IAM Identity Center instance, and {humans} IAM user(s) belong to people.',
  },
  scope: 'organization',
  resourceType: 'AWS::Organizations::Organization',
  requires: ['sso.instance'],
  options: z.object({
    minHumanUsers: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Human IAM users needed before a missing Identity Center instance is reported.'),
  }),
  rationale:
    'Without IAM Identity Center every person needs an IAM user in every account they work in; there is no ' +
    'central sign-in, MFA policy or off-boarding.',
  remediation: {
    console: [
      'Management account → IAM Identity Center → Enable (organization instance), choose the identity source',
    ],
    cli: ['# Enabling the organization instance is done in the console; then: aws sso-admin list-instances'],
  },
  migration:
    'Enable an organization instance of IAM Identity Center, connect the identity provider (or use the built-in ' +
    'directory), then follow the per-user findings of iam-human-user-not-federated.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/get-set-up-for-idc.html'],
  evaluate({ slice, options, organization, fail, derive }) {
    if (slice('sso.instance') !== null) return;
    const humans = derive(MIGRATION_PLAN).humans.size;
    if (humans < options.minHumanUsers) return;
    fail(organizationArn(organization), {
      messageId: 'noInstance',
      data: { humans },
      advice: {
        migration: {
          kind: 'identity-center-hygiene',
          summary:
            'Enable IAM Identity Center for the organization before migrating the IAM users of people.',
          steps: [
            'Enable IAM Identity Center in the management account',
            'Connect the identity source',
            'Create groups and permission sets from the migration plan',
          ],
        },
      },
      details: { humanIamUsers: humans },
    });
  },
});
