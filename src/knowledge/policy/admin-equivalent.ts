import type { ManagedPolicy } from '../../inventory/iam-schema.js';
import type { PermissionSet } from '../../inventory/identity-center-schema.js';
import type { AttachedPolicy, InlinePolicy, PolicyDocument } from '../../inventory/policy-document.js';
import { grantsFullAdmin } from './policy-wildcards.js';

/**
 * What "administrator" means, once, for rules, the migration kit, the access matrix and drift alike:
 * one of the administrator managed policies (AdministratorAccess unless a rule's `adminPolicyArns` says
 * otherwise), or a policy document allowing "*" on "*".
 */
export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** The managed policies that make a holder administrator-equivalent when nothing configures others. */
export const DEFAULT_ADMIN_POLICY_ARNS: readonly string[] = [ADMINISTRATOR_ACCESS_ARN];

/** The policies a principal or permission set holds, as admin-equivalence reads them. */
export interface HeldPolicies {
  /** ARNs of the managed policies attached (AWS or customer managed). */
  managedPolicyArns: readonly string[];
  /** Documents known to apply (inline policies, customer managed policies); null for an absent document. */
  documents: readonly (PolicyDocument | null)[];
}

/** Administrator-equivalent: an administrator managed policy, or a document allowing "*" on "*". */
export function isAdminEquivalent(
  held: HeldPolicies,
  adminPolicyArns: readonly string[] = DEFAULT_ADMIN_POLICY_ARNS,
): boolean {
  return (
    held.managedPolicyArns.some((arn) => adminPolicyArns.includes(arn)) ||
    held.documents.some(grantsFullAdmin)
  );
}

/** A permission set: its managed policies and its inline policy. */
export function isAdminPermissionSet(
  set: PermissionSet,
  adminPolicyArns: readonly string[] = DEFAULT_ADMIN_POLICY_ARNS,
): boolean {
  return isAdminEquivalent(
    { managedPolicyArns: set.managedPolicies.map((p) => p.arn), documents: [set.inlinePolicy] },
    adminPolicyArns,
  );
}

/**
 * An IAM principal's attached and inline policies, customer managed documents looked up in the account's
 * policies. null when a customer managed policy's document is unknown (its account's policies were not
 * collected), so "not admin" is never claimed on missing data.
 */
export function policiesAreAdmin(
  attached: readonly AttachedPolicy[],
  inline: readonly InlinePolicy[],
  policies: readonly ManagedPolicy[] | null,
  adminPolicyArns: readonly string[] = DEFAULT_ADMIN_POLICY_ARNS,
): boolean | null {
  const direct = {
    managedPolicyArns: attached.map((p) => p.policyArn),
    documents: inline.map((p) => p.document),
  };
  if (isAdminEquivalent(direct, adminPolicyArns)) return true;
  const customer = attached.filter((p) => !p.policyArn.startsWith('arn:aws:iam::aws:policy/'));
  if (customer.length === 0) return false;
  if (policies === null) return null;
  const documents = customer.map((p) => policies.find((m) => m.arn === p.policyArn)?.document ?? null);
  return isAdminEquivalent({ managedPolicyArns: [], documents }, adminPolicyArns);
}

export function policyLabel(attached: readonly AttachedPolicy[], inline: readonly InlinePolicy[]): string {
  const names = [...attached.map((p) => p.policyName), ...inline.map((p) => `inline:${p.policyName}`)];
  return names.length > 0 ? names.join(', ') : '(no policies)';
}
