import { z } from 'zod';
import { roleKind } from '../../knowledge/role-trust.js';
import { daysSince } from '../../knowledge/time.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-role-unused',
  title: 'IAM role not used for too long',
  severity: 'low',
  messages: {
    neverUsed:
      'Role {roleName} has no recorded use since it was created {ageDays} days ago (IAM tracks the last 400 days).',
    idle: 'Role {roleName} was last used {idleDays} days ago (more than {unusedDays}).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Role',
  requires: ['iam.roles'],
  options: z.object({
    unusedDays: z.number().int().positive().default(90).describe('Days a hand-made role may go unused.'),
  }),
  rationale:
    'A role nobody assumes still grants its permissions to whoever its trust policy admits. Unused cross-account, ' +
    'federated and CI roles are the access paths nobody reviews and an attacker is glad to find.',
  remediation: {
    console: [
      'IAM → Roles → the role → check "Last activity" and the trust relationships',
      'If nothing needs it: detach its policies and delete it (keep the trust policy JSON in case it must be restored)',
    ],
    cli: [
      'aws iam get-role --role-name <role> --query Role.RoleLastUsed',
      'aws iam list-attached-role-policies --role-name <role>',
      'aws iam delete-role --role-name <role>   # after detaching policies and deleting inline ones',
    ],
  },
  migration:
    'People should reach accounts through Identity Center permission sets (whose AWSReservedSSO_ roles Identity ' +
    'Center manages and are not reported here); delete hand-made roles that a migration left behind.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage_delete.html'],
  evaluate({ slice, options, now, fail }) {
    for (const role of slice('iam.roles')) {
      // Identity Center and AWS services own those roles; their use is not the account owner's to prune.
      if (roleKind(role) !== 'customer') continue;
      const ageDays = daysSince(role.createDate, now);
      if (ageDays <= options.unusedDays) continue;
      if (role.lastUsedDate === null) {
        fail(role.arn, {
          messageId: 'neverUsed',
          data: { roleName: role.roleName, ageDays },
          details: { lastUsedDate: null, ageDays },
        });
        continue;
      }
      const idleDays = daysSince(role.lastUsedDate, now);
      if (idleDays <= options.unusedDays) continue;
      fail(role.arn, {
        messageId: 'idle',
        data: { roleName: role.roleName, idleDays, unusedDays: options.unusedDays },
        details: { lastUsedDate: role.lastUsedDate, idleDays },
      });
    }
  },
});
