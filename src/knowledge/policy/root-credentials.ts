import type { RootAccount } from '../../inventory/iam-schema.js';
import type { RootAuditFacts, RootCredentialsAudit } from '../../inventory/root-audit-schema.js';
import { collectedData } from '../../inventory/slice-reader.js';

export interface RootCredentials {
  /** null when neither the credential report nor the account summary says. */
  password: boolean | null;
  keys: number;
  activeKeys: number;
  signingCertificates: boolean;
  mfa: boolean;
  mfaKind: RootAccount['mfaKind'];
  /** Something a person could sign in or call the API with (password, key, certificate); unknown counts. */
  any: boolean;
  /** Only the password is in doubt and nothing else is held: a finding would rest on a guess. */
  onlyGuess: boolean;
  /** audit: read in an AssumeRoot session (IAMAuditRootUserCredentials); inventory: report and summary. */
  source: 'audit' | 'inventory';
}

/** The reason a root rule gives when it cannot tell (reported as not evaluated, never as a finding). */
export const ROOT_PASSWORD_UNKNOWN =
  'unknown: the credential report has no <root_account> row and the account summary does not say whether root has a password';

/** root-used-recently's reason: only the report's root row (or an AssumeRoot audit) says when root was used. */
export const ROOT_LAST_USE_UNKNOWN =
  'unknown: the credential report has no <root_account> row and no AssumeRoot audit of this account was made, so root’s last use is not known';

/** The account's AssumeRoot audit, when one was made and succeeded. */
export function rootAuditFacts(
  audit: RootCredentialsAudit | undefined,
  accountId: string,
): RootAuditFacts | undefined {
  const entry = audit?.accounts[accountId];
  return entry ? collectedData(entry) : undefined;
}

/** Virtual devices have an `…:mfa/…` ARN as serial; passkeys `…:u2f/…`; hardware TOTP tokens a bare serial. */
function auditMfaKind(facts: RootAuditFacts): RootAccount['mfaKind'] {
  if (facts.mfaDevices.length === 0) return 'none';
  return facts.mfaDevices.every((device) => /^arn:[^:]+:iam::\d*:mfa\//.test(device.serialNumber))
    ? 'virtual'
    : 'hardware';
}

/**
 * Root's credentials from the best source: an AssumeRoot audit when one was made (direct answers), else
 * the credential report's root row, with the account summary's AccountPasswordPresent filling the password
 * the report gives as not_supported.
 */
export function rootCredentials(
  root: RootAccount,
  summary: Record<string, number> | undefined,
  audit?: RootAuditFacts,
): RootCredentials {
  if (audit) {
    const activeKeys = audit.accessKeys.filter((key) => key.status === 'Active').length;
    const signingCertificates = audit.signingCertificates.some((c) => c.status === 'Active');
    return {
      password: audit.passwordPresent,
      keys: audit.accessKeys.length,
      activeKeys,
      signingCertificates,
      mfa: audit.mfaDevices.length > 0,
      mfaKind: auditMfaKind(audit),
      any: audit.passwordPresent || audit.accessKeys.length > 0 || signingCertificates,
      onlyGuess: false,
      source: 'audit',
    };
  }
  const fromSummary =
    summary?.AccountPasswordPresent === undefined ? null : summary.AccountPasswordPresent > 0;
  const password = root.passwordEnabled ?? fromSummary ?? (root.passwordLastUsed !== null ? true : null);
  const keys = root.accessKeys.length;
  const activeKeys = root.accessKeys.filter((key) => key.active).length;
  return {
    password,
    keys,
    activeKeys,
    signingCertificates: root.signingCertificatesActive,
    mfa: root.mfaActive,
    mfaKind: root.mfaKind,
    any: password !== false || keys > 0 || root.signingCertificatesActive,
    onlyGuess: password === null && keys === 0 && !root.signingCertificatesActive,
    source: 'inventory',
  };
}

export function describeRootCredentials(credentials: RootCredentials): string {
  const parts: string[] = [];
  if (credentials.password === true) parts.push('a password');
  if (credentials.password === null) parts.push('possibly a password (not reported)');
  if (credentials.keys > 0) parts.push(`${credentials.keys} access key(s)`);
  if (credentials.signingCertificates) parts.push('a signing certificate');
  if (credentials.mfa) parts.push('an MFA device');
  return parts.join(', ');
}

/** "(read with an AssumeRoot audit session)" when the facts came from one: reports say where facts came from. */
export function sourceNote(credentials: RootCredentials): string {
  return credentials.source === 'audit' ? ' (read in an AssumeRoot audit session)' : '';
}

/** `{ source: 'audit' }` for finding details when the facts came from an AssumeRoot audit; else nothing. */
export function auditSource(credentials: RootCredentials): { source?: 'audit' } {
  return credentials.source === 'audit' ? { source: 'audit' } : {};
}
