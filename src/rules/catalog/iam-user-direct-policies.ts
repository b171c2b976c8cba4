import { z } from 'zod';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-user-direct-policies',
  title: 'IAM user has policies attached directly instead of through groups',
  severity: 'low',
  messages: {
    attached: 'IAM user {userName} has policies attached directly (attached: {attached}).',
    inline: 'IAM user {userName} has policies attached directly (inline: {inline}).',
    attachedAndInline:
      'IAM user {userName} has policies attached directly (attached: {attached}; inline: {inline}).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({}),
  rationale:
    'Permissions attached to individual users drift apart, are hard to review and survive role changes. ' +
    'Granting through groups keeps one place per job to review and revoke.',
  remediation: {
    console: [
      'IAM console → User groups → create or pick a group with the needed policies and add the user',
      'IAM console → Users → the user → Permissions → remove the directly attached and inline policies',
    ],
    cli: [
      'aws iam add-user-to-group --user-name <user> --group-name <group>',
      'aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>',
      'aws iam delete-user-policy --user-name <user> --policy-name <inline-policy-name>',
    ],
  },
  migration:
    'In IAM Identity Center the same idea is built in: permission sets are assigned to groups. The proposed ' +
    'permission set for this user already includes its direct policies.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html'],
  evaluate({ slice, fail, derive }) {
    for (const user of slice('iam.users')) {
      const attached = user.attachedPolicies.map((policy) => policy.policyName);
      const inline = user.inlinePolicies.map((policy) => policy.policyName);
      if (attached.length + inline.length === 0) continue;
      fail(user.arn, {
        messageId: attached.length === 0 ? 'inline' : inline.length === 0 ? 'attached' : 'attachedAndInline',
        data: {
          userName: user.userName,
          ...(attached.length > 0 ? { attached: attached.join(', ') } : {}),
          ...(inline.length > 0 ? { inline: inline.join(', ') } : {}),
        },
        advice: { migration: userMigrationAdvice(derive, user) },
        details: { attachedPolicies: attached.length, inlinePolicies: inline.length },
      });
    }
  },
});
