import type { DeclarationSource } from '../../../desired-state/desired-state-model.js';
import type { AssignmentFacts } from '../../../knowledge/drift/drift-items.js';

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
