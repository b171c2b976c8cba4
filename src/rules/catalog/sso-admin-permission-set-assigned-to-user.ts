import { z } from 'zod';
import { indexBy } from '../../knowledge/lookup-index.js';
import { DEFAULT_ADMIN_POLICY_ARNS, isAdminPermissionSet } from '../../knowledge/policy/admin-equivalent.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-admin-permission-set-assigned-to-user',
  title: 'Administrator permission set assigned directly to a user',
  severity: 'high',
  messages: {
    assignedToUser:
      'Administrator permission set {permissionSet} is assigned directly to user {user} on account {accountId}.',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::Assignment',
  requires: ['sso.permissionSets', 'sso.assignments', 'sso.identityStore'],
  options: z.object({
    adminPolicyArns: z
      .array(z.string())
      .default([...DEFAULT_ADMIN_POLICY_ARNS])
      .describe('Managed policies that make a permission set administrator-equivalent.'),
  }),
  rationale:
    'Administrator access granted person by person escapes the group reviews and joiner/leaver automation ' +
    'that group membership gets, and is easily forgotten when the person changes role.',
  remediation: {
    console: [
      'IAM Identity Center → AWS accounts → the account → remove the user assignment and assign an administrators group instead',
    ],
    cli: [
      'aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type USER --principal-id <user-id>',
    ],
  },
  migration: 'Put administrators in a group, assign the group, and review its membership.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/assignusers.html'],
  evaluate({ slice, options, fail }) {
    const store = slice('sso.identityStore');
    const sets = slice('sso.permissionSets');
    for (const assignment of slice('sso.assignments')) {
      if (assignment.principalType !== 'USER') continue;
      const set = sets.find((s) => s.arn === assignment.permissionSetArn);
      if (!set || !isAdminPermissionSet(set, options.adminPolicyArns)) continue;
      const user = indexBy(store.users, 'userId', (u) => u.userId).get(assignment.principalId);
      const who = user ? user.userName : assignment.principalId;
      fail(assignment.permissionSetArn, {
        subject: `${assignment.accountId}/USER/${assignment.principalId}`,
        accountId: assignment.accountId,
        messageId: 'assignedToUser',
        data: { permissionSet: set.name, user: who, accountId: assignment.accountId },
        advice: {
          migration: {
            kind: 'identity-center-hygiene',
            summary: `Assign ${set.name} through an administrators group instead of to ${who}.`,
          },
        },
        details: { permissionSet: set.name, user: who },
      });
    }
  },
});
