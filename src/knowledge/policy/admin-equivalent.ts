import type { ManagedPolicy } from '../../inventory/iam-schema.js';
import type { AttachedPolicy, InlinePolicy } from '../../inventory/policy-document.js';
import { ADMINISTRATOR_ACCESS_ARN, grantsFullAdmin } from './policy-wildcards.js';

/**
 * Administrator-equivalent policies: AdministratorAccess, or a customer managed or inline policy allowing
 * "*" on "*". null when a customer managed policy's document is unknown (its account's policies were not
 * collected), so "not admin" is never claimed on missing data.
 */
export function policiesAreAdmin(
  attached: readonly AttachedPolicy[],
  inline: readonly InlinePolicy[],
  policies: readonly ManagedPolicy[] | null,
): boolean | null {
  if (attached.some((p) => p.policyArn === ADMINISTRATOR_ACCESS_ARN)) return true;
  if (inline.some((p) => grantsFullAdmin(p.document))) return true;
  const customer = attached.filter((p) => !p.policyArn.startsWith('arn:aws:iam::aws:policy/'));
  if (customer.length === 0) return false;
  if (policies === null) return null;
  return customer.some((p) => grantsFullAdmin(policies.find((m) => m.arn === p.policyArn)?.document ?? null));
}

export function policyLabel(attached: readonly AttachedPolicy[], inline: readonly InlinePolicy[]): string {
  const names = [...attached.map((p) => p.policyName), ...inline.map((p) => `inline:${p.policyName}`)];
  return names.length > 0 ? names.join(', ') : '(no policies)';
}
