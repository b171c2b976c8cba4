import type { RootAccount } from '../../inventory/iam-schema.js';

export interface RootCredentials {
  /** null when neither the credential report nor the account summary says. */
  password: boolean | null;
  keys: number;
  activeKeys: number;
  signingCertificates: boolean;
  /** Something a person could sign in or call the API with (password, key, certificate); unknown counts. */
  any: boolean;
  /** Only the password is in doubt and nothing else is held: a finding would rest on a guess. */
  onlyGuess: boolean;
}

/** The reason a root rule gives when it cannot tell (reported as not evaluated, never as a finding). */
export const ROOT_PASSWORD_UNKNOWN =
  'unknown: the credential report has no <root_account> row and the account summary does not say whether root has a password';

/**
 * The credential report reports root's password as not_supported; the account summary's
 * AccountPasswordPresent fills that gap when it was collected.
 */
export function rootCredentials(
  root: RootAccount,
  summary: Record<string, number> | undefined,
): RootCredentials {
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
    any: password !== false || keys > 0 || root.signingCertificatesActive,
    onlyGuess: password === null && keys === 0 && !root.signingCertificatesActive,
  };
}

export function describeRootCredentials(root: RootAccount, credentials: RootCredentials): string {
  const parts: string[] = [];
  if (credentials.password === true) parts.push('a password');
  if (credentials.password === null) parts.push('possibly a password (not reported)');
  if (credentials.keys > 0) parts.push(`${credentials.keys} access key(s)`);
  if (credentials.signingCertificates) parts.push('a signing certificate');
  if (root.mfaActive) parts.push('an MFA device');
  return parts.join(', ');
}
