import { listOf, type PolicyDocument, statementsOf } from '../inventory/policy-document.js';

/**
 * Whether every Allow statement of these documents applies to every resource without conditions
 * (`Resource: "*"`, no `NotResource`, no `Condition`). Right-sizing compares actions only and proposes
 * `Resource: "*"`: replacing a grant scoped by resource or condition with it could widen what someone
 * reaches, so such a grant is never replaced automatically (the proposal stays advice).
 */
export function isUnscopedGrant(documents: ReadonlyArray<PolicyDocument | null>): boolean {
  return documents
    .filter((d): d is PolicyDocument => d !== null)
    .flatMap(statementsOf)
    .filter((s) => s.Effect === 'Allow')
    .every(
      (s) =>
        s.NotResource === undefined &&
        s.Condition === undefined &&
        s.Resource !== undefined &&
        listOf(s.Resource).every((r) => r === '*'),
    );
}
