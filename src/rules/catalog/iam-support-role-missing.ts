import { z } from 'zod';
import { defineRule } from '../define-rule.js';

const SUPPORT_POLICY = /^arn:[^:]+:iam::aws:policy\/AWSSupportAccess$/;

export default defineRule({
  id: 'iam-support-role-missing',
  title: 'No IAM principal holds AWSSupportAccess to manage incidents with AWS Support',
  severity: 'low',
  messages: {
    noSupportAccess: 'Account {accountId} has no IAM user, group or role with the AWSSupportAccess policy.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Role',
  requires: ['iam.policies'],
  reads: ['iam.accountSummary', 'iam.roles'],
  options: z.object({}),
  rationale:
    'During an incident someone must be able to open and follow AWS Support cases. When only the root user or ' +
    'an all-powerful administrator can, incident response waits for them or pushes people to use root.',
  remediation: {
    console: [
      'IAM console → Roles → Create role → trusted by the account (or your Identity Center permission set) → attach AWSSupportAccess',
    ],
    cli: [
      'aws iam create-role --role-name aws-support --assume-role-policy-document file://trust.json',
      'aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess',
    ],
  },
  migration:
    'With IAM Identity Center, create a Support permission set with AWSSupportAccess and assign it to the ' +
    'incident responders’ group on every account, instead of an IAM role per account.',
  references: [
    'https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSupportAccess.html',
  ],
  evaluate({ slice, sliceIfCollected, fail, unknown, account }) {
    const held = slice('iam.policies').some((p) => SUPPORT_POLICY.test(p.arn) && p.attachmentCount > 0);
    if (held) return;
    const collectedRoles = sliceIfCollected('iam.roles');
    if (collectedRoles !== undefined) {
      if (collectedRoles.some((role) => role.attachedPolicies.some((p) => SUPPORT_POLICY.test(p.policyArn))))
        return;
      fail(`arn:aws:iam::${account.id}:support-role`, {
        messageId: 'noSupportAccess',
        data: { accountId: account.id },
        details: { roles: collectedRoles.length },
      });
      return;
    }
    // Roles not collected (an older snapshot): the policies slice counts user and group attachments only.
    // Only an account with no role at all (the account summary's Roles count) proves that no support role exists.
    const roles = sliceIfCollected('iam.accountSummary')?.Roles;
    if (roles !== 0) {
      return unknown(
        'unknown: AWSSupportAccess is attached to no IAM user or group, and IAM roles are not collected, ' +
          'so whether a support role exists cannot be told',
      );
    }
    fail(`arn:aws:iam::${account.id}:support-role`, {
      messageId: 'noSupportAccess',
      data: { accountId: account.id },
      details: { roles: 0 },
    });
  },
});
