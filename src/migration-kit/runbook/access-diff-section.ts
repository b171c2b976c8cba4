import type { KitPlan } from '../plan-schema.js';
import { literal, type RunbookNode } from './runbook-document.js';

/**
 * The runbook's access section: what the kit keeps, narrows and removes (access-diff.csv has every row),
 * anything it would add (loud: it never should), and the IAM users that wait for a decision ("confirm
 * first") instead of a wave, each with what to decide and how to tell keysweep.
 */
export function accessDiffSection(plan: Pick<KitPlan, 'accessDiff' | 'confirmFirst'>): RunbookNode[] {
  const { summary, notes, rows } = plan.accessDiff;
  const nodes: RunbookNode[] = [
    { kind: 'heading', level: 2, text: 'Access: today against after the kit' },
    {
      kind: 'paragraph',
      text: `Nobody gets access they do not have today. Per person, account and permission set (\`access-diff.csv\`): ${summary.kept} kept, ${summary.narrowed} narrowed, ${summary.removed} removed, ${summary.added} added, ${summary.confirmFirst} waiting for a decision.`,
    },
    ...notes.map((text): RunbookNode => ({ kind: 'warning', text: literal(text) })),
  ];
  const added = rows.filter((r) => r.change === 'added');
  if (added.length > 0)
    nodes.push({
      kind: 'warning',
      text: `ADDED ACCESS: ${added.length} person-account-permission set pair(s) nobody has today: ${added
        .map(
          (r) =>
            `${literal(r.person)} ${literal(r.permission)} on ${literal(r.accountName)} (${r.accountId})`,
        )
        .join(', ')}. Do not apply until each is understood.`,
    });
  const narrowedOrRemoved = rows.filter((r) => r.change === 'narrowed' || r.change === 'removed');
  if (narrowedOrRemoved.length > 0)
    nodes.push({
      kind: 'list',
      items: narrowedOrRemoved.map(
        (r) =>
          `${r.change}: ${literal(r.person)}, ${literal(r.permission)} on ${literal(r.accountName)} (${r.accountId}): ${literal(r.note)}`,
      ),
    });
  nodes.push(
    { kind: 'paragraph', text: 'Before and after each wave, compare who can reach what with the diff:' },
    {
      kind: 'code',
      lines: [
        'keysweep access --format csv > access-before.csv',
        '# … apply the wave …',
        'keysweep access --format csv > access-after.csv',
      ],
    },
  );
  if (plan.confirmFirst.length > 0)
    nodes.push(
      { kind: 'heading', level: 3, text: 'Confirm first: IAM users that drive nothing until you decide' },
      {
        kind: 'paragraph',
        text: 'These IAM users are not in any wave, group or assignment: unresolved or low-confidence matches, suspected break-glass users, and users whose permission set needs a policy their account lacks. Each stays as it is until decided (its owner confirmed, or the missing policy created); then re-run `keysweep plan`.',
      },
      {
        kind: 'list',
        items: plan.confirmFirst.map(
          (c) =>
            `${c.accountId}/${literal(c.userName)} (${c.reason}${c.personId ? `, matched to ${literal(c.personId)}` : ''}: ${literal(c.evidence)}): ${literal(c.decision)}`,
        ),
      },
    );
  return nodes;
}
