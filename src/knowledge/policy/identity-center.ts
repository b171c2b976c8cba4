import type { PermissionSet } from '../../inventory/identity-center-schema.js';
import type { OrganizationFacts } from '../derivation.js';
import { grantsFullAdmin } from './policy-wildcards.js';

/** Administrator-equivalent: one of the given managed policies, or an inline "*:*" statement. */
export function isAdminPermissionSet(set: PermissionSet, adminPolicyArns: readonly string[]): boolean {
  return (
    set.managedPolicies.some((p) => adminPolicyArns.includes(p.arn)) || grantsFullAdmin(set.inlinePolicy)
  );
}

/** Hours of an ISO-8601 duration as Identity Center stores session durations (PT8H, PT1H30M). */
export function durationHours(iso: string): number | null {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso);
  if (!match || (!match[1] && !match[2] && !match[3])) return null;
  return Number(match[1] ?? 0) + Number(match[2] ?? 0) / 60 + Number(match[3] ?? 0) / 3600;
}

type OrganizationIds = Pick<OrganizationFacts, 'id' | 'managementAccountId'>;

export function organizationArn(organization: OrganizationIds): string {
  const management = organization.managementAccountId ?? '000000000000';
  return `arn:aws:organizations::${management}:organization/${organization.id ?? 'standalone'}`;
}

export function organizationAccountArn(organization: OrganizationIds, accountId: string): string {
  const management = organization.managementAccountId ?? accountId;
  return `arn:aws:organizations::${management}:account/${organization.id ?? 'standalone'}/${accountId}`;
}
