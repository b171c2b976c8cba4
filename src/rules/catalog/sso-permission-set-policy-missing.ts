import { z } from 'zod';
import { PERMISSION_SET_PREREQUISITES } from '../../knowledge/permission-set-prerequisites-derivation.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-permission-set-policy-missing',
  title: 'Permission set references a customer managed policy or boundary missing in an assigned account',
  severity: 'high',
  messages: {
    boundaryMissing:
      'Permission set {permissionSet} is assigned in account {accountId}, which has no permissions boundary {policy}: the boundary cannot apply.',
    policyMissing:
      'Permission set {permissionSet} is assigned in account {accountId}, which has no customer managed policy {policy}: provisioning fails there.',
  },
  scope: 'account',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets', 'sso.assignments', 'iam.policies'],
  options: z.object({}),
  rationale:
    'Identity Center attaches customer managed policies and permissions boundaries by name and path in each ' +
    'account a permission set is provisioned to. Where the policy does not exist, provisioning fails (the ' +
    'assignment gives no access, or keeps an outdated copy) or the boundary is not applied.',
  remediation: {
    console: [
      'IAM console in the account → Policies → Create policy with exactly the name and path the permission set references, then re-provision the permission set',
    ],
    cli: [
      'aws iam create-policy --policy-name <name> --path <path> --policy-document file://<policy>.json   # in the assigned account',
      'aws sso-admin provision-permission-set --instance-arn <instance-arn> --permission-set-arn <permission-set-arn> --target-type AWS_ACCOUNT --target-id <account-id>',
    ],
  },
  migration:
    'Deploy referenced customer managed policies to every account (StackSets or Terraform) before assigning the permission set there.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html'],
  evaluate({ derive, fail, account }) {
    const prerequisites = derive(PERMISSION_SET_PREREQUISITES);
    for (const gap of prerequisites?.missing ?? []) {
      if (gap.accountId !== account.id) continue;
      fail(gap.permissionSetArn, {
        subject: `${account.id} ${gap.reference.path}${gap.reference.name}`,
        messageId: gap.reference.kind === 'permissions-boundary' ? 'boundaryMissing' : 'policyMissing',
        data: {
          permissionSet: gap.permissionSetName,
          accountId: account.id,
          policy: `${gap.reference.path}${gap.reference.name}`,
        },
        advice: {
          summary: `Create ${gap.reference.path}${gap.reference.name} in account ${account.id}, then re-provision ${gap.permissionSetName}.`,
          fixNow: {
            console: [],
            cli: [
              `aws iam create-policy --policy-name ${gap.reference.name} --path ${gap.reference.path} --policy-document file://${gap.reference.name}.json   # in account ${account.id}`,
            ],
          },
        },
        details: { kind: gap.reference.kind, policy: `${gap.reference.path}${gap.reference.name}` },
      });
    }
  },
});
