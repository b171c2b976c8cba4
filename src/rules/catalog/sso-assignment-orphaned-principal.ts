import { z } from 'zod';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-assignment-orphaned-principal',
  title: 'Account assignment to a principal that no longer exists',
  severity: 'medium',
  messages: {
    orphanedUser:
      'Permission set {permissionSet} is assigned on account {accountId} to user {principalId}, which no longer exists in the identity store.',
    orphanedGroup:
      'Permission set {permissionSet} is assigned on account {accountId} to group {principalId}, which no longer exists in the identity store.',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::Assignment',
  requires: ['sso.permissionSets', 'sso.assignments', 'sso.identityStore'],
  options: z.object({}),
  rationale:
    'An assignment whose user or group was deleted grants nothing today, but it hides what access was meant to ' +
    'exist and, with SCIM, a re-created principal with the same id can inherit it.',
  remediation: {
    console: [
      'IAM Identity Center → AWS accounts → the account → Users and groups: remove the assignment without a name',
    ],
    cli: [
      'aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type <USER|GROUP> --principal-id <principal-id>',
    ],
  },
  migration:
    'Remove orphaned assignments before importing IAM users, so the migration starts from a clean assignment list.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html'],
  evaluate({ slice, fail }) {
    const store = slice('sso.identityStore');
    const users = new Set(store.users.map((user) => user.userId));
    const groups = new Set(store.groups.map((group) => group.groupId));
    const sets = slice('sso.permissionSets');
    for (const assignment of slice('sso.assignments')) {
      const exists =
        assignment.principalType === 'USER'
          ? users.has(assignment.principalId)
          : groups.has(assignment.principalId);
      if (exists) continue;
      const name =
        sets.find((set) => set.arn === assignment.permissionSetArn)?.name ?? assignment.permissionSetArn;
      fail(assignment.permissionSetArn, {
        subject: `${assignment.accountId}/${assignment.principalType}/${assignment.principalId}`,
        accountId: assignment.accountId,
        messageId: assignment.principalType === 'GROUP' ? 'orphanedGroup' : 'orphanedUser',
        data: { permissionSet: name, accountId: assignment.accountId, principalId: assignment.principalId },
        advice: {
          migration: { kind: 'identity-center-hygiene', summary: 'Delete the orphaned account assignment.' },
        },
        details: {
          principalType: assignment.principalType,
          principalId: assignment.principalId,
          permissionSet: name,
        },
      });
    }
  },
});
