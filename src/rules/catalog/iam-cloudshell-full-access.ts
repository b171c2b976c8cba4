import { z } from 'zod';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-cloudshell-full-access',
  title: 'AWSCloudShellFullAccess attached to an IAM user or group',
  severity: 'medium',
  messages: {
    userAttached: 'IAM user {userName} has AWSCloudShellFullAccess attached.',
    groupAttached: 'IAM group {groupName} has AWSCloudShellFullAccess attached.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users', 'iam.groups'],
  options: z.object({
    policyArns: z
      .array(z.string())
      .default(['arn:aws:iam::aws:policy/AWSCloudShellFullAccess'])
      .describe('Policies treated as CloudShell full access.'),
  }),
  rationale:
    'AWSCloudShellFullAccess allows uploading and downloading files to CloudShell and unrestricted internet ' +
    'access from it: a data exfiltration path that bypasses network controls.',
  remediation: {
    console: ['IAM console → Policies → AWSCloudShellFullAccess → Entities attached → Detach'],
    cli: [
      'aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
      'aws iam detach-group-policy --group-name <group> --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
    ],
  },
  migration:
    'Grant CloudShell through an IAM Identity Center permission set with a scoped CloudShell policy (no file transfer) instead.',
  references: ['https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html'],
  evaluate({ slice, options, fail, derive }) {
    const matches = (arns: Array<{ policyArn: string }>) =>
      arns.some((p) => options.policyArns.includes(p.policyArn));
    for (const user of slice('iam.users')) {
      if (!matches(user.attachedPolicies)) continue;
      fail(user.arn, {
        messageId: 'userAttached',
        data: { userName: user.userName },
        advice: { migration: userMigrationAdvice(derive, user) },
      });
    }
    for (const group of slice('iam.groups')) {
      if (!matches(group.attachedPolicies)) continue;
      fail(group.arn, {
        resourceType: 'AWS::IAM::Group',
        messageId: 'groupAttached',
        data: { groupName: group.groupName },
      });
    }
  },
});
