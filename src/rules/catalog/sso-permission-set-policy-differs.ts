import { z } from 'zod';
import { PERMISSION_SET_PREREQUISITES } from '../../knowledge/permission-set-prerequisites-derivation.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-permission-set-policy-differs',
  title:
    'Permission set grants different permissions in different accounts (customer managed policy differs)',
  severity: 'medium',
  messages: {
    differs:
      'Permission set {permissionSet} uses {policy} in account {accountId}, whose content differs from the copy in account(s) {differentIn}.',
  },
  scope: 'account',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets', 'sso.assignments', 'iam.policies'],
  options: z.object({}),
  rationale:
    'A customer managed policy is looked up by name in each account, so one permission set can mean different ' +
    'permissions in different accounts when the copies drifted apart. Reviewers of the permission set see ' +
    'one name and cannot tell.',
  remediation: {
    console: ['Compare the policy’s default version in each account and bring them to one document'],
    cli: [
      'aws iam get-policy-version --policy-arn arn:aws:iam::<account-id>:policy<path><name> --version-id <default-version>',
      'aws iam create-policy-version --policy-arn arn:aws:iam::<account-id>:policy<path><name> --policy-document file://<policy>.json --set-as-default',
    ],
  },
  migration:
    'Deploy the policy from one source (StackSets or Terraform) so every account holds the same document.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html'],
  evaluate({ derive, fail, account }) {
    const prerequisites = derive(PERMISSION_SET_PREREQUISITES);
    for (const difference of prerequisites?.differing ?? []) {
      if (difference.accountId !== account.id) continue;
      const policy = `${difference.reference.path}${difference.reference.name}`;
      fail(difference.permissionSetArn, {
        subject: `${account.id} ${policy}`,
        messageId: 'differs',
        data: {
          permissionSet: difference.permissionSetName,
          policy,
          accountId: account.id,
          differentIn: difference.differentIn.join(', '),
        },
        details: { policy, differentIn: difference.differentIn.join(',') },
      });
    }
  },
});
