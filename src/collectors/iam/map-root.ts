import type { VirtualMFADevice } from '@aws-sdk/client-iam';
import type { RootAccessKey, RootAccount } from '../../inventory/iam-schema.js';
import {
  type CredentialReportRow,
  reportBoolean,
  reportDate,
  reportText,
} from './parse-credential-report.js';

export function rootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/** A virtual device belongs to root when its user is the account root or its serial is root's default name. */
function isRootDevice(device: VirtualMFADevice): boolean {
  return (
    (device.User?.Arn?.endsWith(':root') ?? false) ||
    (device.SerialNumber?.endsWith(':mfa/root-account-mfa-device') ?? false)
  );
}

function mfaKindOf(mfaActive: boolean, virtualMfa: VirtualMFADevice[] | null): RootAccount['mfaKind'] {
  if (!mfaActive) return 'none';
  if (virtualMfa === null) return 'unknown';
  return virtualMfa.some(isRootDevice) ? 'virtual' : 'hardware';
}

/** Root from the credential report's `<root_account>` row. */
export function mapRootFromReport(
  row: CredentialReportRow,
  arn: string,
  virtualMfa: VirtualMFADevice[] | null,
): RootAccount {
  const accessKeys: RootAccessKey[] = ([1, 2] as const)
    .filter(
      (slot) =>
        reportBoolean(row, `access_key_${slot}_active`) === true ||
        reportDate(row, `access_key_${slot}_last_rotated`) !== null,
    )
    .map((slot) => ({
      slot,
      active: reportBoolean(row, `access_key_${slot}_active`) === true,
      lastRotated: reportDate(row, `access_key_${slot}_last_rotated`),
      lastUsedDate: reportDate(row, `access_key_${slot}_last_used_date`),
      lastUsedService: reportText(row, `access_key_${slot}_last_used_service`),
    }));
  const mfaActive = reportBoolean(row, 'mfa_active') === true;
  return {
    arn,
    passwordEnabled: reportBoolean(row, 'password_enabled'),
    passwordLastUsed: reportDate(row, 'password_last_used'),
    passwordLastChanged: reportDate(row, 'password_last_changed'),
    accessKeys,
    signingCertificatesActive:
      reportBoolean(row, 'cert_1_active') === true || reportBoolean(row, 'cert_2_active') === true,
    mfaActive,
    mfaKind: mfaKindOf(mfaActive, virtualMfa),
    reportRow: true,
  };
}

export class RootRowMissing extends Error {
  override readonly name = 'RootRowMissing';
}

/**
 * When the report has no root row (moto never writes one) the account summary still says whether root
 * has keys, MFA or signing certificates. Without a row the keys cannot be described, so an account
 * whose summary says root keys exist fails the slice instead of inventing them; without keys, the
 * summary is enough for every root fact except the password (left unknown).
 */
export function mapRootFromSummary(
  summary: Record<string, number>,
  arn: string,
  virtualMfa: VirtualMFADevice[] | null,
): RootAccount {
  if ((summary.AccountAccessKeysPresent ?? 0) > 0) {
    throw new RootRowMissing(
      'the credential report has no <root_account> row and the account summary says root access keys exist',
    );
  }
  const mfaActive = (summary.AccountMFAEnabled ?? 0) > 0;
  return {
    arn,
    passwordEnabled: null,
    passwordLastUsed: null,
    passwordLastChanged: null,
    accessKeys: [],
    signingCertificatesActive: (summary.AccountSigningCertificatesPresent ?? 0) > 0,
    mfaActive,
    mfaKind: mfaKindOf(mfaActive, virtualMfa),
    reportRow: false,
  };
}
