import { z } from 'zod';
import { roleKind } from '../../knowledge/role-trust.js';
import { servicesUsedInWindow, usageByPrincipal } from '../../knowledge/service-usage.js';
import { daysSince } from '../../knowledge/time.js';
import { userMigrationAdvice } from '../../knowledge/user-migration-advice.js';
import { defineRule } from '../define-rule.js';
import { evidenceNote, serviceList } from './support/usage-evidence.js';

export default defineRule({
  id: 'iam-permissions-unused',
  title: 'Permissions granted and not used for the usage window',
  severity: 'low',
  messages: {
    unusedOfGranted:
      '{kind} {name} holds {grantedCount} service(s) and used {usedCount} ({usedServices}); {unusedCount} went unused in the last {windowDays} days: {unusedServices} {evidence}.',
    unused:
      '{kind} {name} {unusedCount} went unused in the last {windowDays} days: {unusedServices} {evidence}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Principal',
  requires: ['iam.usage', 'iam.users', 'iam.roles'],
  options: z.object({
    minUnusedServices: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Services held and unused in the window before a principal is reported.'),
  }),
  rationale:
    'Every service a person or workload may call and does not is access an attacker gets for free with its ' +
    'credentials. IAM records when each allowed service was last used; what nobody used for the window can go.',
  remediation: {
    console: [
      'IAM → Users or Roles → the principal → Last Accessed tab: services and actions with no recent use',
      'Replace its broad policies with one limited to what it used (keysweep plan proposes one)',
    ],
    cli: [
      'aws iam generate-service-last-accessed-details --arn <principal-arn> --granularity ACTION_LEVEL',
      'aws iam get-service-last-accessed-details --job-id <job-id>',
    ],
  },
  migration:
    'When the person moves to IAM Identity Center, size the permission set by what they used in the window ' +
    '(keysweep plan: right-sized permission sets) instead of copying the IAM policies as they are.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html',
  ],
  evaluate({ slice, options, now, fail, derive }) {
    const usage = slice('iam.usage');
    const byArn = usageByPrincipal(usage);
    const principals = [
      ...slice('iam.users').map((u) => ({
        arn: u.arn,
        name: u.userName,
        kind: 'IAM user',
        created: u.createDate,
        user: u,
      })),
      ...slice('iam.roles')
        .filter((r) => roleKind(r) === 'customer')
        .map((r) => ({ arn: r.arn, name: r.roleName, kind: 'Role', created: r.createDate, user: null })),
    ];
    for (const principal of principals) {
      const evidence = byArn.get(principal.arn);
      // No evidence (job failed) or younger than the window: nothing can be said yet.
      if (!evidence || daysSince(principal.created, now) < usage.windowDays) continue;
      const summary = servicesUsedInWindow(evidence, now, usage.windowDays);
      if (summary.unused.length < options.minUnusedServices) continue;
      fail(principal.arn, {
        messageId: summary.granted ? 'unusedOfGranted' : 'unused',
        data: {
          kind: principal.kind,
          name: principal.name,
          ...(summary.granted
            ? {
                grantedCount: summary.granted.length,
                usedCount: summary.used.length,
                usedServices: serviceList(summary.used.map((s) => s.namespace)),
              }
            : {}),
          unusedCount: summary.unused.length,
          windowDays: usage.windowDays,
          unusedServices: serviceList(summary.unused),
          evidence: evidenceNote(summary),
        },
        ...(principal.user ? { advice: { migration: userMigrationAdvice(derive, principal.user) } } : {}),
        details: {
          unusedServices: summary.unused.length,
          usedServices: summary.used.length,
          windowDays: usage.windowDays,
          source: summary.source,
        },
      });
    }
  },
});
