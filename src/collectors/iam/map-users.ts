import type { AccessKeyMetadata, UserDetail, VirtualMFADevice } from '@aws-sdk/client-iam';
import type { AccessKey, IamUser, MfaDevice } from '../../inventory/iam-schema.js';
import { isoOf, mapAttached, mapInline } from './map-authorization-details.js';
import {
  type CredentialReportRow,
  reportBoolean,
  reportDate,
  reportText,
} from './parse-credential-report.js';

export interface UserSources {
  detail: UserDetail;
  /** The user's credential report row; null when the report was generated before the user existed. */
  reportRow: CredentialReportRow | null;
  /** From ListAccessKeys; empty when the report shows no key (the call is skipped then). */
  keys: AccessKeyMetadata[];
  /** Virtual MFA devices assigned to this user; null when they could not be listed. */
  virtualMfa: VirtualMFADevice[] | null;
}

// Without ListMFADevices per user (over budget) a non-virtual device has no serial we can name.
export const UNLISTED_MFA_SERIAL = 'unlisted (non-virtual device reported by the credential report)';

export function mapUser({ detail, reportRow, keys, virtualMfa }: UserSources): IamUser {
  const arn = detail.Arn ?? '';
  return {
    arn,
    userId: detail.UserId ?? '',
    userName: detail.UserName ?? '',
    path: detail.Path ?? '/',
    createDate: isoOf(detail.CreateDate) ?? new Date(0).toISOString(),
    passwordEnabled: reportRow ? reportBoolean(reportRow, 'password_enabled') === true : false,
    passwordLastUsed: reportRow ? reportDate(reportRow, 'password_last_used') : null,
    passwordLastChanged: reportRow ? reportDate(reportRow, 'password_last_changed') : null,
    mfaDevices: mapMfaDevices(reportRow, virtualMfa),
    accessKeys: mapAccessKeys(keys, reportRow),
    groups: [...(detail.GroupList ?? [])],
    attachedPolicies: mapAttached(detail.AttachedManagedPolicies),
    inlinePolicies: mapInline(detail.UserPolicyList),
    permissionsBoundaryArn: detail.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: Object.fromEntries((detail.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  };
}

function mapMfaDevices(row: CredentialReportRow | null, virtualMfa: VirtualMFADevice[] | null): MfaDevice[] {
  const virtual: MfaDevice[] = (virtualMfa ?? []).map((device) => ({
    serialNumber: device.SerialNumber ?? '',
    kind: 'virtual',
    enableDate: isoOf(device.EnableDate),
  }));
  if (virtual.length > 0) return virtual;
  const mfaActive = row ? reportBoolean(row, 'mfa_active') === true : false;
  if (!mfaActive) return [];
  // Active MFA but no virtual device of this user: hardware TOTP or a passkey; which one, only ListMFADevices says.
  return [{ serialNumber: UNLISTED_MFA_SERIAL, kind: 'unknown', enableDate: null }];
}

/**
 * Key ids and status come from ListAccessKeys; last use from the report, whose slot N is matched to a
 * key by its creation time (last_rotated is the key's creation time), falling back to creation order.
 */
export function mapAccessKeys(keys: AccessKeyMetadata[], row: CredentialReportRow | null): AccessKey[] {
  const sorted = [...keys].sort((a, b) =>
    (isoOf(a.CreateDate) ?? '').localeCompare(isoOf(b.CreateDate) ?? ''),
  );
  const slots = ([1, 2] as const).filter((slot) => row && reportDate(row, `access_key_${slot}_last_rotated`));
  const used = new Set<number>();
  return sorted.map((key, index) => {
    const created = isoOf(key.CreateDate) ?? new Date(0).toISOString();
    const bySecond = slots.find(
      (slot) =>
        !used.has(slot) && row && sameSecond(reportDate(row, `access_key_${slot}_last_rotated`), created),
    );
    const slot = bySecond ?? slots.filter((s) => !used.has(s))[0] ?? (index === 0 ? 1 : 2);
    used.add(slot);
    const prefix = `access_key_${slot}`;
    return {
      accessKeyId: key.AccessKeyId ?? '',
      status: key.Status === 'Inactive' ? 'Inactive' : 'Active',
      createDate: created,
      lastUsedDate: row ? reportDate(row, `${prefix}_last_used_date`) : null,
      lastUsedService: row ? reportText(row, `${prefix}_last_used_service`) : null,
      lastUsedRegion: row ? reportText(row, `${prefix}_last_used_region`) : null,
    };
  });
}

function sameSecond(a: string | null, b: string): boolean {
  return a !== null && Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);
}
