import { z } from 'zod';
import { MIGRATION_PLAN } from '../../knowledge/migration-planner.js';
import { organizationAccountArn } from '../../knowledge/policy/identity-center.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-account-without-assignments',
  title: 'Account with human IAM users has no Identity Center assignments',
  severity: 'medium',
  messages: {
    noAssignments:
      'Account {accountId} ({accountName}) has {humans} human IAM user(s) and no IAM Identity Center assignment.',
  },
  scope: 'account',
  resourceType: 'AWS::Organizations::Account',
  requires: ['iam.users', 'sso.instance', 'sso.assignments'],
  options: z.object({}),
  rationale:
    'People work in this account only through IAM users: nobody can reach it through IAM Identity Center yet, ' +
    'so the IAM users cannot be removed.',
  remediation: {
    console: ['IAM Identity Center → AWS accounts → the account → Assign users or groups'],
    cli: [
      'aws sso-admin create-account-assignment --instance-arn <instance-arn> --target-id <account-id> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type GROUP --principal-id <group-id>',
    ],
  },
  migration:
    'Assign the groups and permission sets the migration plan proposes for this account’s IAM users.',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/assignusers.html'],
  evaluate({ slice, account, organization, fail, derive }) {
    // Without an instance sso-instance-missing reports the cause once, not once per account.
    if (slice('sso.instance') === null) return;
    if (slice('sso.assignments').some((a) => a.accountId === account.id)) return;
    const plan = derive(MIGRATION_PLAN);
    const humans = [...plan.humans.values()].filter((target) => target.accountId === account.id);
    if (humans.length === 0) return;
    const pairs = [...new Set(humans.map((h) => `${h.targetGroup} → ${h.targetPermissionSet}`))];
    fail(organizationAccountArn(organization, account.id), {
      messageId: 'noAssignments',
      data: { accountId: account.id, accountName: account.name, humans: humans.length },
      advice: {
        migration: {
          kind: 'identity-center-hygiene',
          summary: `Assign on ${account.id}: ${pairs.join('; ')}.`,
          steps: pairs.map((pair) => `Assign ${pair} on account ${account.id}`),
        },
      },
      details: { humanIamUsers: humans.length },
    });
  },
});
