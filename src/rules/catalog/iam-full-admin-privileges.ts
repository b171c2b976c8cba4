import { z } from 'zod';
import type { IamUser } from '../../inventory/iam-schema.js';
import { indexBy } from '../../knowledge/lookup-index.js';
import { isAdminEquivalent } from '../../knowledge/policy/admin-equivalent.js';
import { grantsFullAdmin } from '../../knowledge/policy/policy-wildcards.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-full-admin-privileges',
  title: 'Policy grants full "*:*" administrative privileges',
  severity: 'high',
  messages: {
    customerPolicy:
      'Customer managed policy {policyName} allows "*" on "*" and is attached to {attachmentCount} identities.',
    userThroughPolicy:
      'IAM user {name} has full "*:*" administrative privileges through {policyKind} policy {policyName}.',
    groupThroughPolicy:
      'IAM group {name} has full "*:*" administrative privileges through {policyKind} policy {policyName}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Policy',
  requires: ['iam.users', 'iam.groups', 'iam.policies'],
  options: z.object({}),
  rationale:
    'A policy allowing every action on every resource makes its holder an administrator of the account, able ' +
    'to remove logging and grant itself anything. Such power belongs in a few, short-lived, audited sessions.',
  remediation: {
    console: [
      'IAM console → Policies → the policy → Policy usage: detach it from users and groups',
      'Replace it with policies scoped to the actions and resources the job needs (IAM Access Analyzer can generate one from CloudTrail)',
    ],
    cli: [
      'aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>',
      'aws iam detach-group-policy --group-name <group> --policy-arn <policy-arn>',
      'aws iam delete-user-policy --user-name <user> --policy-name <inline-policy-name>',
    ],
  },
  migration:
    'Administrators should reach accounts through an IAM Identity Center administrator permission set with a ' +
    'short session, assigned to a small group — not through an IAM user or group holding "*:*".',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  evaluate({ slice, fail, derive }) {
    const policies = slice('iam.policies');
    // AdministratorAccess is "*:*" by definition, even when its document was not fetched.
    const isAdmin = (arn: string) =>
      isAdminEquivalent({
        managedPolicyArns: [arn],
        documents: [indexBy(policies, 'arn', (p) => p.arn).get(arn)?.document ?? null],
      });

    // Customer managed policies are reported once, on the policy, wherever they are attached.
    for (const policy of policies) {
      if (policy.awsManaged || policy.attachmentCount === 0 || !grantsFullAdmin(policy.document)) continue;
      fail(policy.arn, {
        messageId: 'customerPolicy',
        data: { policyName: policy.policyName, attachmentCount: policy.attachmentCount },
        details: { attachmentCount: policy.attachmentCount },
      });
    }

    const principals: Array<{
      arn: string;
      kind: string;
      name: string;
      user?: IamUser;
      attached: Array<{ policyName: string; policyArn: string }>;
      inline: Array<{ policyName: string; document: Parameters<typeof grantsFullAdmin>[0] }>;
    }> = [
      ...slice('iam.users').map((user) => ({
        arn: user.arn,
        kind: 'IAM user',
        name: user.userName,
        user,
        attached: user.attachedPolicies,
        inline: user.inlinePolicies,
      })),
      ...slice('iam.groups').map((group) => ({
        arn: group.arn,
        kind: 'IAM group',
        name: group.groupName,
        attached: group.attachedPolicies,
        inline: group.inlinePolicies,
      })),
    ];
    for (const principal of principals) {
      const adminPolicies = [
        ...principal.attached
          .filter((p) => p.policyArn.startsWith('arn:aws:iam::aws:') && isAdmin(p.policyArn))
          .map((p) => ({ name: p.policyName, how: 'AWS managed' })),
        ...principal.inline
          .filter((p) => grantsFullAdmin(p.document))
          .map((p) => ({ name: p.policyName, how: 'inline' })),
      ];
      for (const policy of adminPolicies) {
        fail(principal.arn, {
          subject: policy.name,
          resourceType: principal.user ? 'AWS::IAM::User' : 'AWS::IAM::Group',
          messageId: principal.user ? 'userThroughPolicy' : 'groupThroughPolicy',
          data: { name: principal.name, policyKind: policy.how, policyName: policy.name },
          ...(principal.user ? { advice: { migration: userMigrationAdvice(derive, principal.user) } } : {}),
          details: { policy: policy.name, policyKind: policy.how },
        });
      }
    }
  },
});
