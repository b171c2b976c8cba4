import { z } from 'zod';
import { DEFAULT_ADMIN_POLICY_ARNS, isAdminPermissionSet } from '../../knowledge/policy/admin-equivalent.js';
import { DEFAULT_MAX_SESSION_HOURS, durationHours } from '../../knowledge/policy/identity-center.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-session-duration-too-long',
  title: 'Permission set session duration too long',
  severity: 'medium',
  messages: {
    tooLong: 'Permission set {permissionSet} allows {hours}-hour sessions (maximum {maxSessionHours}).',
    tooLongAdministrator:
      'Permission set {permissionSet} (administrator) allows {hours}-hour sessions (maximum {maxSessionHours}).',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets'],
  options: z.object({
    maxSessionHours: z
      .number()
      .positive()
      .max(12)
      .default(DEFAULT_MAX_SESSION_HOURS)
      .describe('Longest permission set session allowed, in hours.'),
    adminPolicyArns: z
      .array(z.string())
      .default([...DEFAULT_ADMIN_POLICY_ARNS])
      .describe('Managed policies that make a permission set administrator-equivalent.'),
  }),
  rationale:
    'Session credentials stay valid for the whole session even after the person is removed; long sessions ' +
    'widen that window, and for administrators the window is the most valuable.',
  remediation: {
    console: ['IAM Identity Center → Permission sets → the permission set → Edit → Session duration'],
    cli: [
      'aws sso-admin update-permission-set --instance-arn <instance-arn> --permission-set-arn <ps-arn> --session-duration PT4H',
    ],
  },
  migration:
    'Keep administrator sessions short (1–4 hours); re-authentication through the access portal is cheap.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html'],
  evaluate({ slice, options, fail }) {
    for (const set of slice('sso.permissionSets')) {
      const hours = durationHours(set.sessionDuration);
      if (hours === null || hours <= options.maxSessionHours) continue;
      const admin = isAdminPermissionSet(set, options.adminPolicyArns);
      fail(set.arn, {
        messageId: admin ? 'tooLongAdministrator' : 'tooLong',
        data: { permissionSet: set.name, hours, maxSessionHours: options.maxSessionHours },
        severity: admin ? 'high' : 'medium',
        advice: {
          migration: { kind: 'identity-center-hygiene', summary: `Shorten the session of ${set.name}.` },
        },
        details: { sessionHours: hours, administrator: admin },
      });
    }
  },
});
