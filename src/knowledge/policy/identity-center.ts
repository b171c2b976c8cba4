import type { OrganizationFacts } from '../derivation.js';

/**
 * The longest permission set session keysweep accepts unless configured otherwise (rule
 * sso-session-duration-too-long's default, and the session the migration kit proposes).
 */
export const DEFAULT_MAX_SESSION_HOURS = 8;

/** Hours of an ISO-8601 duration as Identity Center stores session durations (PT8H, PT1H30M). */
export function durationHours(iso: string): number | null {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso);
  if (!match || (!match[1] && !match[2] && !match[3])) return null;
  return Number(match[1] ?? 0) + Number(match[2] ?? 0) / 60 + Number(match[3] ?? 0) / 3600;
}

/** ISO-8601 duration of whole hours and minutes, as Identity Center takes it (PT1H to PT12H, PT1H30M). */
export function isoHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  const whole = Math.floor(minutes / 60);
  return `PT${whole > 0 ? `${whole}H` : ''}${minutes % 60 > 0 ? `${minutes % 60}M` : ''}`;
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
