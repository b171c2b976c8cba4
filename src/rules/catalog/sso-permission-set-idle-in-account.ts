import { z } from 'zod';
import { roleKind } from '../../knowledge/role-trust.js';
import {
  permissionSetNameOfReservedRole,
  servicesUsedInWindow,
  usageByPrincipal,
} from '../../knowledge/service-usage.js';
import { daysSince } from '../../knowledge/time.js';
import { defineRule } from '../define-rule.js';
import { evidenceNote } from './support/usage-evidence.js';

export default defineRule({
  id: 'sso-permission-set-idle-in-account',
  title: 'Permission set assigned in an account and not used there for the usage window',
  severity: 'low',
  messages: {
    idle: 'Permission set {permissionSet} is provisioned in account {accountId} and nobody used it there in the last {windowDays} days {evidence}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Role',
  requires: ['iam.usage', 'iam.roles'],
  options: z.object({}),
  rationale:
    'Identity Center provisions one AWSReservedSSO_ role per permission set and account. When nobody used that ' +
    'role for the window, the assignment grants standing access nobody needs in that account.',
  remediation: {
    console: [
      'IAM Identity Center → AWS accounts → the account → the permission set: remove the assignments nobody uses',
    ],
    cli: [
      'aws sso-admin list-account-assignments --instance-arn <instance-arn> --account-id <account> --permission-set-arn <ps-arn>',
      'aws sso-admin delete-account-assignment --instance-arn <instance-arn> --target-id <account> --target-type AWS_ACCOUNT --permission-set-arn <ps-arn> --principal-type GROUP --principal-id <group-id>',
    ],
  },
  migration: 'Remove the assignment in this account (people keep the set where they use it).',
  references: ['https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html'],
  evaluate({ slice, now, fail, account }) {
    const usage = slice('iam.usage');
    const byArn = usageByPrincipal(usage);
    for (const role of slice('iam.roles')) {
      if (roleKind(role) !== 'identity-center') continue;
      const setName = permissionSetNameOfReservedRole(role.roleName);
      const evidence = byArn.get(role.arn);
      if (!setName || !evidence || daysSince(role.createDate, now) < usage.windowDays) continue;
      const summary = servicesUsedInWindow(evidence, now, usage.windowDays);
      // Analyzer facts: only an UnusedIAMRole finding says the role itself went unused.
      const idle = summary.granted === null ? evidence.principalUnused === true : summary.used.length === 0;
      if (!idle) continue;
      fail(role.arn, {
        subject: setName,
        messageId: 'idle',
        data: {
          permissionSet: setName,
          accountId: account.id,
          windowDays: usage.windowDays,
          evidence: evidenceNote(summary),
        },
        details: { permissionSet: setName, windowDays: usage.windowDays, source: summary.source },
      });
    }
  },
});
