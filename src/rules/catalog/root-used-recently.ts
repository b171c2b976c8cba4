import { z } from 'zod';
import { ROOT_LAST_USE_UNKNOWN, rootAuditFacts } from '../../knowledge/policy/root-credentials.js';
import { ROOT_ADVICE } from '../../knowledge/root-advice.js';
import { daysSince } from '../../knowledge/time.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'root-used-recently',
  title: 'Root user used recently',
  severity: 'high',
  messages: {
    usedRecently:
      'The root user of account {accountId} was used {days} days ago with its {how} (window {withinDays} days).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam.root'],
  reads: ['org.rootCredentialsAudit'],
  options: z.object({
    withinDays: z
      .number()
      .int()
      .positive()
      .default(90)
      .describe('Root use within this many days is reported.'),
  }),
  rationale:
    'Root use for daily work means the most powerful credential in the account is exercised often, outside ' +
    'the controls (SCPs, permission boundaries) that apply to everyone else.',
  remediation: {
    console: [
      'CloudTrail → Event history → filter User name = root to see what root did, and move each task to an IAM Identity Center permission set',
    ],
    cli: [
      'aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50',
    ],
  },
  migration:
    'Daily tasks belong to IAM Identity Center permission sets. The few tasks that need root are done with a ' +
    'short root session from the management account once centralized root access is enabled.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks'],
  evaluate({ slice, sliceIfCollected, now, options, fail, unknown, account, derive }) {
    const root = slice('iam.root');
    const audit = rootAuditFacts(sliceIfCollected('org.rootCredentialsAudit'), account.id);
    // Without the report's root row nothing says when root was last used: not evaluated, never a pass.
    if (!audit && root.reportRow === false) return unknown(ROOT_LAST_USE_UNKNOWN);
    const passwordLastUsed = audit ? audit.passwordLastUsed : root.passwordLastUsed;
    const keyUses = audit
      ? audit.accessKeys.map((key) => ({ how: `access key ${key.accessKeyId}`, date: key.lastUsedDate }))
      : root.accessKeys.map((key) => ({ how: `access key ${key.slot}`, date: key.lastUsedDate }));
    const uses = [
      ...(passwordLastUsed ? [{ how: 'console password', date: passwordLastUsed }] : []),
      ...keyUses.flatMap((use) => (use.date === null ? [] : [{ how: use.how, date: use.date }])),
    ].filter((use) => daysSince(use.date, now) <= options.withinDays);
    if (uses.length === 0) return;
    const latest = uses.reduce((a, b) => (Date.parse(a.date) >= Date.parse(b.date) ? a : b));
    const days = daysSince(latest.date, now);
    fail(root.arn, {
      messageId: 'usedRecently',
      data: { accountId: account.id, days, how: latest.how, withinDays: options.withinDays },
      advice: { migration: derive(ROOT_ADVICE)(account.id) },
      details: { lastUsed: latest.date, daysAgo: days, via: latest.how },
    });
  },
});
