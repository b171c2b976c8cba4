import {
  listOf,
  type PolicyDocument,
  type PolicyStatement,
  statementsOf,
} from '../../inventory/policy-document.js';

/** An Allow statement granting every action on every resource: the CIS 1.16 / IAM.1 "*:*" shape. */
export function isFullAdminStatement(statement: PolicyStatement): boolean {
  return (
    statement.Effect === 'Allow' &&
    statement.NotAction === undefined &&
    listOf(statement.Action).includes('*') &&
    listOf(statement.Resource).includes('*')
  );
}

export function grantsFullAdmin(document: PolicyDocument | null): boolean {
  return document !== null && statementsOf(document).some(isFullAdminStatement);
}

/** Allowed actions of the form "service:*" (every action of a service), as Security Hub IAM.21 checks. */
export function serviceWildcardActions(document: PolicyDocument): string[] {
  const found = new Set<string>();
  for (const statement of statementsOf(document)) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of listOf(statement.Action)) if (/^[\w-]+:\*$/.test(action)) found.add(action);
  }
  return [...found].sort();
}
