import { z } from 'zod';
import { grantsFullAdmin } from '../../knowledge/policy/policy-wildcards.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-inline-policy-admin',
  title: 'Permission set inline policy allows "*" on "*"',
  severity: 'high',
  messages: {
    inlineAdmin:
      'Permission set {permissionSet} has an inline policy that allows every action on every resource.',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets'],
  options: z.object({}),
  rationale:
    'An inline "*:*" statement turns a permission set into an administrator one without it being visible as ' +
    'AdministratorAccess, so reviews that look for the managed policy miss it.',
  remediation: {
    console: [
      'IAM Identity Center → Permission sets → the permission set → Inline policy → Edit: scope actions and resources, then re-provision',
    ],
    cli: [
      'aws sso-admin put-inline-policy-to-permission-set --instance-arn <instance-arn> --permission-set-arn <ps-arn> --inline-policy file://scoped.json',
    ],
  },
  migration:
    'If administrator access is intended, use AdministratorAccess explicitly with a short session and a group assignment.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html'],
  evaluate({ slice, fail }) {
    for (const set of slice('sso.permissionSets')) {
      if (!grantsFullAdmin(set.inlinePolicy)) continue;
      fail(set.arn, {
        messageId: 'inlineAdmin',
        data: { permissionSet: set.name },
        advice: {
          migration: { kind: 'identity-center-hygiene', summary: `Scope the inline policy of ${set.name}.` },
        },
      });
    }
  },
});
