import { z } from 'zod';
import { CROSS_ACCOUNT_REACH } from '../../knowledge/cross-account-reach.js';
import { MIGRATION_PLAN } from '../../knowledge/migration-planner.js';
import { permissionSetNameForRole } from '../../knowledge/permission-set-name.js';
import { humanMigrationAdvice, humanMigrationSteps } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';

const MAX_LISTED = 25;

export default defineRule({
  id: 'iam-user-assumes-cross-account-roles',
  title: 'Person reaches other accounts through cross-account roles from an IAM user (hub and spoke)',
  severity: 'medium',
  messages: {
    reachesRoles:
      'IAM user {userName} (a person) reaches {roleCount} role(s) in {accountCount} other account(s): {roles}.',
    reachesRolesSomeUnknown:
      'IAM user {userName} (a person) reaches {roleCount} role(s) in {accountCount} other account(s): {roles}. Roles of {unknownAccounts} account(s) were not collected; they may reach more.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  // The account's own roles too, so a snapshot without roles reports this rule as not evaluated.
  requires: ['iam.users', 'iam.groups', 'iam.policies', 'iam.roles'],
  options: z.object({}),
  rationale:
    'In a hub-and-spoke setup a person holds an IAM user in one account and assumes roles in the others. Their ' +
    'real access is spread over trust policies in every spoke account: nobody sees it in one place, and removing ' +
    'a leaver means finding every role that trusts their user or account.',
  remediation: {
    console: [
      'IAM Identity Center → assign the person’s group to each account they reach, with a permission set per role',
      'Then remove the hub account (or the user) from each role’s trust policy and delete the IAM user',
    ],
    cli: [
      'aws sso-admin create-account-assignment --instance-arn <instance-arn> --target-id <spoke-account> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type GROUP --principal-id <group-id>',
      'aws iam update-assume-role-policy --role-name <spoke-role> --policy-document file://trust-without-hub.json',
    ],
  },
  migration:
    'Each role the person reaches becomes an Identity Center assignment on that account (permission set named ' +
    'after the role, with its policies); the finding lists the accounts and roles, the hub user goes last.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_cross-account-with-roles.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html',
  ],
  evaluate({ slice, derive, fail }) {
    const plan = derive(MIGRATION_PLAN);
    const reach = derive(CROSS_ACCOUNT_REACH);
    for (const user of slice('iam.users')) {
      const target = plan.humans.get(user.arn);
      const roles = reach.byUser.get(user.arn);
      if (!target || !roles || roles.length === 0) continue;
      const paths = roles.map((r) => `${r.accountId}/${r.roleName}`);
      // The message and steps stay readable for people who reach hundreds of roles; details list them all.
      const listed =
        paths.length > MAX_LISTED
          ? `${paths.slice(0, MAX_LISTED).join(', ')} and ${paths.length - MAX_LISTED} more`
          : paths.join(', ');
      const stepRoles = roles.slice(0, MAX_LISTED);
      const accounts = [...new Set(roles.map((r) => r.accountId))];
      const base = humanMigrationAdvice(target);
      const { prepare, move, cleanUp } = humanMigrationSteps(target);
      fail(user.arn, {
        subject: 'cross-account-roles',
        messageId: reach.rolesUnknownIn.length > 0 ? 'reachesRolesSomeUnknown' : 'reachesRoles',
        data: {
          userName: user.userName,
          roleCount: roles.length,
          accountCount: accounts.length,
          roles: listed,
          ...(reach.rolesUnknownIn.length > 0 ? { unknownAccounts: reach.rolesUnknownIn.length } : {}),
        },
        details: {
          accounts: accounts.join(', '),
          roles: paths.join(', '),
          rolesUnknownIn: reach.rolesUnknownIn.length,
        },
        advice: {
          migration: {
            ...base,
            summary: `${base.summary} It also reaches, through cross-account roles: ${listed}; each becomes an assignment of ${target.targetGroup} on that account.`,
            steps: [
              ...prepare,
              ...move,
              ...stepRoles.map(
                (r) =>
                  `Assign ${target.targetGroup} to account ${r.accountId} with a permission set ${permissionSetNameForRole(r.roleName)} (the policies of role ${r.roleName})`,
              ),
              ...stepRoles.map((r) => `Remove the hub trust from ${r.roleArn} once nobody else uses it`),
              ...(roles.length > stepRoles.length
                ? [`The same for the other ${roles.length - stepRoles.length} roles (finding details: roles)`]
                : []),
              ...cleanUp,
            ],
          },
        },
      });
    }
  },
});
