import type { KitPlan } from '../plan-schema.js';
import { literal, type RunbookNode } from './runbook-document.js';

/**
 * The runbook's right-sizing section: per permission set, the evidence (services used, last use,
 * window, source) and the narrower proposal, with the statements a person must review called out.
 * A set the kit creates carries the proposal in its Terraform (unless `--no-right-size`); an existing
 * set is imported unchanged, its proposal is advice here (and see the existing-set narrowing section).
 */
export function rightSizingNodes(plan: KitPlan): RunbookNode[] {
  const sets = plan.permissionSets.filter((s) => s.rightSizing !== undefined);
  if (sets.length === 0) return [];
  const nodes: RunbookNode[] = [
    { kind: 'heading', level: 2, text: 'Right-sized permission sets (from usage evidence)' },
    {
      kind: 'paragraph',
      text: 'What each permission set’s people used in the usage window, and a narrower set where the evidence allows one. Each set says whether the Terraform carries its proposal (sets the kit creates, unless keysweep plan ran with --no-right-size) or keeps today’s policies (existing sets, imported unchanged); docs/right-sizing.md explains the evidence and its blind spots.',
    },
  ];
  for (const set of sets) {
    const r = set.rightSizing!;
    nodes.push({ kind: 'heading', level: 3, text: `${literal(set.name)}: ${outcomeText(r.outcome)}` });
    if (r.reason) nodes.push({ kind: 'paragraph', text: literal(r.reason) });
    if (r.applied)
      nodes.push({
        kind: 'warning',
        text: `The Terraform creates ${literal(set.name)} with this proposal instead of today’s policies (${[...(r.replaced?.awsManagedPolicies ?? []), ...(r.replaced?.customerManagedPolicies ?? [])].map(literal).join(', ') || 'inline policy'}): people lose what they did not use in the window. Re-run keysweep plan with --no-right-size to keep today’s.`,
      });
    else if (r.outcome.startsWith('narrowed') && set.exists === true)
      nodes.push({
        kind: 'paragraph',
        text: 'An existing set: imported unchanged; the proposal is advice (the existing-set narrowing below uses the set’s own roles).',
      });
    if (r.services.length > 0)
      nodes.push({
        kind: 'list',
        items: r.services.map(
          (s) =>
            `${s.namespace}: last used ${s.lastUsed.slice(0, 10)} by ${s.usedBy} of the set's people${s.actions && s.actions.length > 0 ? ` (actions: ${s.actions.join(', ')})` : ''}`,
        ),
      });
    if (r.windowDays !== null)
      nodes.push({
        kind: 'paragraph',
        text: `Evidence: ${r.sources.join(', ') || 'none'}, ${r.windowDays}-day window; ${r.services.length} of ${r.servicesHeld ?? 'unknown'} services held were used.`,
      });
    if (r.managedPolicyArn)
      nodes.push({ kind: 'paragraph', text: `Proposed: the AWS managed policy ${r.managedPolicyArn}.` });
    for (const statement of r.statements) {
      const line = `${statement.sid} (confidence ${statement.confidence}): ${statement.reason}`;
      nodes.push(
        statement.confidence === 'review'
          ? { kind: 'warning', text: `Review ${line}` }
          : { kind: 'paragraph', text: line },
      );
    }
    if (r.inlinePolicy)
      nodes.push({ kind: 'code', lines: JSON.stringify(r.inlinePolicy, null, 2).split('\n') });
  }
  return nodes;
}

function outcomeText(
  outcome: NonNullable<KitPlan['permissionSets'][number]['rightSizing']>['outcome'],
): string {
  switch (outcome) {
    case 'narrowed-inline':
      return 'narrowed (generated inline policy)';
    case 'narrowed-managed':
      return 'narrowed (AWS managed job-function policy)';
    case 'keep':
      return 'kept as is';
    default:
      return 'unknown (no usable evidence)';
  }
}
