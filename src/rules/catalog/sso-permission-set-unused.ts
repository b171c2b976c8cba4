import { z } from 'zod';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-permission-set-unused',
  title: 'Permission set assigned nowhere',
  severity: 'low',
  messages: {
    unassigned: 'Permission set {permissionSet} is not assigned to any account.',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets', 'sso.assignments'],
  options: z.object({}),
  rationale:
    'Unused permission sets are unreviewed permissions waiting to be assigned; they also make it harder to pick ' +
    'the right one when migrating people.',
  remediation: {
    console: ['IAM Identity Center → Permission sets → the permission set → Delete (if nobody needs it)'],
    cli: ['aws sso-admin delete-permission-set --instance-arn <instance-arn> --permission-set-arn <ps-arn>'],
  },
  migration:
    'Before deleting, check the migration plan: an unused permission set may be the target proposed for IAM users.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html'],
  evaluate({ slice, fail }) {
    const assigned = new Set(slice('sso.assignments').map((a) => a.permissionSetArn));
    for (const set of slice('sso.permissionSets')) {
      if (assigned.has(set.arn)) continue;
      fail(set.arn, {
        messageId: 'unassigned',
        data: { permissionSet: set.name },
        advice: {
          migration: { kind: 'identity-center-hygiene', summary: `Assign ${set.name} or delete it.` },
        },
      });
    }
  },
});
