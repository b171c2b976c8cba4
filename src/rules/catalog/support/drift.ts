import { z } from 'zod';
import type { DeclarationSource } from '../../../desired-state/desired-state-model.js';
import type { SliceNameOf } from '../../../inventory/slice-table.js';
import {
  type AssignmentFacts,
  type DriftItemOf,
  type DriftKind,
  type DriftReport,
  itemsOf,
} from '../../../knowledge/drift/drift-items.js';
import { defineRule, type FailInput, type OrganizationRuleDefinition } from '../../define-rule.js';

export function principalLabel(
  a: Pick<AssignmentFacts, 'principalType' | 'principalId' | 'principalName'>,
): string {
  const kind = a.principalType === 'GROUP' ? 'group' : 'user';
  return a.principalName ? `${kind} ${a.principalName} (${a.principalId})` : `${kind} ${a.principalId}`;
}

export const assignmentSubject = (a: AssignmentFacts) =>
  `${a.accountId}/${a.principalType}/${a.principalId || a.principalName}/${a.permissionSetArn ? '' : a.permissionSetName}`;

export const declaredAt = (source: DeclarationSource) => `${source.file} (${source.entry})`;

/** Drift rules point at the code that manages Identity Center; one reference for all of them. */
export const DRIFT_REFERENCES = [
  'https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html',
  'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssoadmin_account_assignment',
];

type DriftRuleMeta<N extends SliceNameOf<'organization'>, I extends string> = Omit<
  OrganizationRuleDefinition<z.ZodObject<Record<string, never>>, N, never, I>,
  'scope' | 'input' | 'options' | 'references' | 'evaluate' | 'reads'
>;

/**
 * A drift rule: one finding per drift item of its kind, on the resource `finding` names. Every drift rule is
 * an organization rule reading the desired-state comparison, without options, pointing at the same references.
 */
export function defineDriftRule<
  K extends DriftKind,
  N extends SliceNameOf<'organization'>,
  I extends string = never,
>(
  definition: DriftRuleMeta<N, I> & {
    kind: K;
    finding(item: DriftItemOf<K>, drift: DriftReport): FailInput<I> & { resourceArn: string };
  },
) {
  const { kind, finding, ...meta } = definition;
  return defineRule({
    ...meta,
    scope: 'organization',
    input: 'desired-state',
    options: z.object({}),
    references: DRIFT_REFERENCES,
    evaluate({ drift, fail }) {
      const report = drift();
      for (const item of itemsOf(report, kind)) {
        const { resourceArn, ...input } = finding(item, report);
        fail(resourceArn, input);
      }
    },
  });
}
