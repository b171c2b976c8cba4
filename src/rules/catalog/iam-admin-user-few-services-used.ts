import { z } from 'zod';
import { isBreakGlass } from '../../knowledge/break-glass.js';
import { policiesAreAdmin } from '../../knowledge/policy/admin-equivalent.js';
import { memberOf } from '../../knowledge/policy/member-of.js';
import { servicesUsedInWindow, usageByPrincipal } from '../../knowledge/service-usage.js';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';
import { evidenceNote, serviceList } from './support/usage-evidence.js';

export default defineRule({
  id: 'iam-admin-user-few-services-used',
  title: 'IAM user with administrator access used only a few services',
  severity: 'medium',
  messages: {
    fewServices:
      'IAM user {userName} holds administrator access and used {usedCount} service(s) in the last {windowDays} days: {services} {evidence}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.usage', 'iam.users', 'iam.groups', 'iam.policies'],
  options: z.object({
    maxServices: z
      .number()
      .int()
      .nonnegative()
      .default(5)
      .describe('An administrator who used at most this many services in the window is reported.'),
  }),
  rationale:
    'Administrator access is every action on every resource. A person who used a handful of services needs ' +
    'those, not the account: their long-lived credentials are an administrator key for anyone who finds them.',
  remediation: {
    console: [
      'IAM → Users → the user → Last Accessed: note the services used, then replace AdministratorAccess',
    ],
    cli: [
      'aws iam generate-service-last-accessed-details --arn <user-arn> --granularity ACTION_LEVEL',
      'aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    ],
  },
  migration:
    'Move the person to an Identity Center permission set sized by the services they used (keysweep plan ' +
    'proposes one), with a separate, short-session administrator set for the rare admin task.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  evaluate({ slice, options, now, fail, derive }) {
    const usage = slice('iam.usage');
    const byArn = usageByPrincipal(usage);
    const groups = slice('iam.groups');
    const policies = slice('iam.policies');
    for (const user of slice('iam.users')) {
      if (isBreakGlass(user)) continue;
      const groupsOfUser = memberOf(user, groups);
      const admin = policiesAreAdmin(
        [...user.attachedPolicies, ...groupsOfUser.flatMap((g) => g.attachedPolicies)],
        [...user.inlinePolicies, ...groupsOfUser.flatMap((g) => g.inlinePolicies)],
        policies,
      );
      const evidence = byArn.get(user.arn);
      if (!admin || !evidence || evidence.coverage !== 'granted-services') continue;
      if (daysSince(user.createDate, now) < usage.windowDays) continue;
      const summary = servicesUsedInWindow(evidence, now, usage.windowDays);
      if (summary.used.length > options.maxServices) continue;
      const used = summary.used.map((s) => s.namespace);
      fail(user.arn, {
        messageId: 'fewServices',
        data: {
          userName: user.userName,
          usedCount: used.length,
          windowDays: usage.windowDays,
          services: serviceList(used),
          evidence: evidenceNote(summary),
        },
        advice: { migration: userMigrationAdvice(derive, user) },
        details: { usedServices: used.length, windowDays: usage.windowDays, source: summary.source },
      });
    }
  },
});
