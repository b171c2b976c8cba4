import { z } from 'zod';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-permission-set-outdated',
  title: 'Permission set provisioned in an outdated version on an account',
  severity: 'medium',
  messages: {
    outdated: 'Permission set {permissionSet} is provisioned in an outdated version on account {accountId}.',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::PermissionSet',
  requires: ['sso.permissionSets', 'sso.provisioning'],
  options: z.object({}),
  rationale:
    'A permission set edited but not re-provisioned leaves the old role policies in the account: people get ' +
    'permissions the console no longer shows (drift), often the ones that were meant to be removed.',
  remediation: {
    console: [
      'IAM Identity Center → Permission sets → the permission set → Update in AWS accounts (re-provision)',
    ],
    cli: [
      'aws sso-admin provision-permission-set --instance-arn <instance-arn> --permission-set-arn <ps-arn> --target-type AWS_ACCOUNT --target-id <account-id>',
    ],
  },
  migration: 'Re-provision after every change; automate it in the pipeline that manages permission sets.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/howtoupdatepermissionset.html'],
  evaluate({ slice, fail }) {
    const sets = slice('sso.permissionSets');
    for (const entry of slice('sso.provisioning')) {
      if (entry.status !== 'outdated') continue;
      const name = sets.find((set) => set.arn === entry.permissionSetArn)?.name ?? entry.permissionSetArn;
      fail(entry.permissionSetArn, {
        subject: entry.accountId,
        accountId: entry.accountId,
        messageId: 'outdated',
        data: { permissionSet: name, accountId: entry.accountId },
        advice: {
          migration: {
            kind: 'identity-center-hygiene',
            summary: `Re-provision ${name} to account ${entry.accountId}.`,
          },
        },
        details: { permissionSet: name },
      });
    }
  },
});
