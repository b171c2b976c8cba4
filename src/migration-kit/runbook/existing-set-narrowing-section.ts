import { shellWord } from '../../io/text/shell-word.js';
import type { KitPlan } from '../plan-schema.js';
import { literal, type RunbookNode } from './runbook-document.js';

/**
 * The runbook steps for existing permission sets narrowed from their AWSReservedSSO_* roles' usage:
 * the replacement set (identity-center/narrowed-permission-sets.tf) is assigned beside the old one, people
 * switch to it, and only then are the old set's assignments removed (the commands below). Rolling back is
 * the same commands with create-account-assignment; the old set itself is never changed.
 */
export function existingSetNarrowingNodes(plan: KitPlan): RunbookNode[] {
  const entries = plan.existingSetNarrowing ?? [];
  if (entries.length === 0) return [];
  const instance = plan.identityCenter.instanceArn ?? '<instance ARN>';
  const nodes: RunbookNode[] = [
    { kind: 'heading', level: 2, text: 'Existing permission sets narrowed (from their own usage)' },
    {
      kind: 'paragraph',
      text: 'Identity Center provisions a permission set as an AWSReservedSSO_* role in each account: that role’s last accessed data is the set’s use there, all its users merged. Where it narrows a set, identity-center/narrowed-permission-sets.tf creates a replacement beside it with the same assignments; the existing set is not changed.',
    },
  ];
  for (const n of entries) {
    const r = n.rightSizing;
    if (!r.applied || !n.replacementName) {
      nodes.push({
        kind: 'paragraph',
        text: `${literal(n.name)}: ${r.outcome === 'keep' ? 'no narrower set' : 'not narrowed'} (${literal(r.reason ?? r.outcome)}).`,
      });
      continue;
    }
    nodes.push(
      { kind: 'heading', level: 3, text: `${literal(n.name)} → ${literal(n.replacementName)}` },
      {
        kind: 'paragraph',
        text: `Evidence: ${r.sources.join(', ')}, ${r.windowDays}-day window, ${n.accounts.length} account(s); used: ${r.services.map((s) => s.namespace).join(', ')}; removed: ${r.removedServices.join(', ') || 'unused actions only'}.`,
      },
      {
        kind: 'list',
        items: [
          `Apply identity-center/: ${literal(n.replacementName)} is assigned wherever ${literal(n.name)} is (${n.assignments.length} assignment(s)); both roles show in the access portal.${n.replacementSessionDuration !== n.sessionDuration ? ` Its sessions last ${n.replacementSessionDuration} (${literal(n.name)}: ${n.sessionDuration}): tell its people they sign in more often.` : ''}`,
          `Ask the set's people to use ${literal(n.replacementName)} for a while; anything it denies is a statement to add (or a reason to keep ${literal(n.name)} for that person).`,
          `Then remove ${literal(n.name)}'s assignments (commands below). Rollback: the same commands with create-account-assignment.`,
        ],
      },
    );
    const kitOwn = plan.assignments.filter((a) => a.permissionSet === n.name).length;
    if (kitOwn > 0)
      nodes.push({
        kind: 'paragraph',
        text: `The kit itself assigns ${literal(n.name)} ${kitOwn} more time(s) (identity-center/account-assignments.tf, for the IAM users it moves): those stay on ${literal(n.name)}; move them once their people have switched (their own right-sizing is in the section above).`,
      });
    for (const s of r.statements)
      if (s.confidence === 'review')
        nodes.push({
          kind: 'warning',
          text: `Review ${s.sid}: ${s.actions.length} action(s) last accessed data does not track, kept so nothing breaks: ${s.actions.join(', ')}`,
        });
    nodes.push({
      kind: 'code',
      lines: n.assignments.map((a) =>
        [
          'aws sso-admin delete-account-assignment',
          `--instance-arn ${shellWord(instance)}`,
          `--permission-set-arn ${shellWord(n.arn)}`,
          `--principal-type ${a.principalType}`,
          `--principal-id ${shellWord(a.principalId)}`,
          '--target-type AWS_ACCOUNT',
          `--target-id ${shellWord(a.accountId)}`,
        ].join(' '),
      ),
    });
  }
  return nodes;
}
