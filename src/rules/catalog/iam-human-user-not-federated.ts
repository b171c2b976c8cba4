import { z } from 'zod';
import { MIGRATION_PLAN } from '../../knowledge/migration-planner.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-human-user-not-federated',
  title: 'Person uses an IAM user instead of IAM Identity Center',
  severity: 'medium',
  messages: {
    noPermissions:
      'IAM user {userName} belongs to a person ({evidence}) but grants no permissions at all: delete it rather than migrate it.',
    moveToExisting:
      'IAM user {userName} belongs to a person ({evidence}); move it to IAM Identity Center group {group} with permission set {permissionSet} (exists).',
    moveToCreate:
      'IAM user {userName} belongs to a person ({evidence}); move it to IAM Identity Center group {group} with permission set {permissionSet} (to create).',
    moveExistenceUnknown:
      'IAM user {userName} belongs to a person ({evidence}); move it to IAM Identity Center group {group} with permission set {permissionSet} (whether it exists is unknown: Identity Center was not fully collected).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({
    /** CIS 1.21 is about multi-account environments; a single account may keep IAM users. */
    minAccounts: z
      .number()
      .int()
      .positive()
      .default(2)
      .describe('Accounts in the organization from which IAM users for people are reported.'),
  }),
  rationale:
    'In a multi-account organization, IAM users for people mean one set of long-lived credentials per person per ' +
    'account, with no central place to enforce MFA, see who has access or remove a leaver everywhere at once.',
  remediation: {
    console: [
      'IAM Identity Center → Groups → create the proposed group and add the person',
      'IAM Identity Center → Permission sets → create (or reuse) the proposed permission set',
      'AWS accounts → the account → Assign users or groups → the group with the permission set',
      'After the person signs in through the access portal: IAM → Users → the user → Delete',
    ],
    cli: [
      'aws identitystore create-group --identity-store-id <store-id> --display-name <group>',
      'aws sso-admin create-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type GROUP --principal-id <group-id>',
      'aws iam delete-login-profile --user-name <user> && aws iam delete-user --user-name <user>   # after detaching keys, MFA and policies',
    ],
  },
  migration:
    'Each finding names the Identity Center group and permission set for the person, derived from the IAM ' +
    'groups and policies; people with the same effective policies share one permission set.',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#enable-identity-center-for-humans',
  ],
  evaluate({ slice, options, organization, fail, derive }) {
    if (organization.accountCount < options.minAccounts) return;
    const plan = derive(MIGRATION_PLAN);
    for (const user of slice('iam.users')) {
      const idle = plan.withoutPermissions.get(user.arn);
      if (idle) {
        fail(user.arn, {
          messageId: 'noPermissions',
          data: { userName: user.userName, evidence: idle.evidence.join('; ') },
          advice: { migration: userMigrationAdvice(derive, user) },
          details: { noPermissions: true },
        });
        continue;
      }
      const target = plan.humans.get(user.arn);
      if (!target) continue;
      fail(user.arn, {
        messageId: existence(target.permissionSetExists),
        data: {
          userName: user.userName,
          evidence: target.evidence.join('; '),
          group: target.targetGroup,
          permissionSet: target.targetPermissionSet,
        },
        advice: { migration: userMigrationAdvice(derive, user) },
        details: {
          targetGroup: target.targetGroup,
          targetPermissionSet: target.targetPermissionSet,
          permissionSetExists: target.permissionSetExists,
        },
      });
    }
  },
});

function existence(exists: boolean | null) {
  if (exists === null) return 'moveExistenceUnknown' as const;
  return exists ? ('moveToExisting' as const) : ('moveToCreate' as const);
}
