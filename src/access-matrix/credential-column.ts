import type { Slice } from '../inventory/collection.js';
import { collectedData, describeGap } from '../inventory/slice-reader.js';
import type { Account } from '../inventory/snapshot-schema.js';
import type { AccessGap, AccessRow } from './access-matrix-schema.js';

/** The service a service-specific credential signs in to, as people call it. */
const SERVICE_LABEL: Record<string, string> = {
  'codecommit.amazonaws.com': 'CodeCommit',
  'cassandra.amazonaws.com': 'Keyspaces',
  'bedrock.amazonaws.com': 'Bedrock',
};

/**
 * The active long-lived credentials by which an IAM user reaches its account: console password, access
 * keys, SSH public keys (CodeCommit), service-specific credentials (CodeCommit, Keyspaces, Bedrock) and
 * X.509 signing certificates. A kind whose slice was not collected is "unknown", never left out; the
 * account's gap is listed once in `unknown`. Never a secret: counts and service names only.
 */
export function withCredentialColumn(
  /** Given the column in place. */
  rows: AccessRow[],
  accounts: readonly Account[],
  unknown: AccessGap[],
): AccessRow[] {
  return setCredentialColumn(rows, credentialsByUser(accounts, unknown));
}

/** Sets the column on IAM-user rows from credentialsByUser's texts; returns the rows. */
export function setCredentialColumn<R extends AccessRow>(
  rows: R[],
  byUserArn: ReadonlyMap<string, string>,
): R[] {
  // Set on the rows themselves (made for this matrix, not shared): a spread copy of 100k rows was ~0.1 s.
  // The key lands last either way, as in the copy.
  for (const row of rows) if (row.path === 'iam-user') row.credentials = byUserArn.get(row.via) ?? null;
  return rows;
}

/** The credential column's text per IAM user ARN; the kinds not collected are added to `unknown`. */
export function credentialsByUser(accounts: readonly Account[], unknown: AccessGap[]): Map<string, string> {
  const byUserArn = new Map<string, string>();
  for (const account of accounts) {
    const users = collectedData(account.iam.users);
    if (account.access.status === 'skipped' || users === undefined) continue;
    const { sshPublicKeys, serviceCredentials, signingCertificates } = account.iam;
    const known = <T>(name: string, slice: Slice<T[]>): T[] | null => {
      const data = collectedData(slice);
      if (data !== undefined) return data;
      unknown.push({ accountId: account.id, slice: name, reason: gapReason(slice) ?? '' });
      return null;
    };
    // Grouped by user once (in list order): filtering each list for every user was quadratic per account.
    const ssh = byUser(known('iam.sshPublicKeys', sshPublicKeys));
    const service = byUser(known('iam.serviceCredentials', serviceCredentials));
    const certificates = byUser(known('iam.signingCertificates', signingCertificates));
    for (const user of users) {
      const ways: string[] = [];
      if (user.passwordEnabled) ways.push('console password');
      const keys = user.accessKeys.filter((k) => k.status === 'Active').length;
      if (keys > 0) ways.push(`${keys} access key(s)`);
      const mine = <T>(lists: ReadonlyMap<string, T[]> | null, active: (item: T) => boolean) =>
        lists === null ? null : (lists.get(user.arn) ?? []).filter(active);
      const sshKeys = mine(ssh, (k) => k.status === 'Active');
      if (sshKeys === null) ways.push('SSH public keys unknown');
      else if (sshKeys.length > 0) ways.push(`${sshKeys.length} SSH public key(s) (CodeCommit)`);
      const serviceCreds = mine(service, (c) => c.status === 'Active');
      if (serviceCreds === null) ways.push('service-specific credentials unknown');
      else
        for (const [name, count] of countBy(
          serviceCreds.map((c) => SERVICE_LABEL[c.serviceName] ?? c.serviceName),
        ))
          ways.push(`${count} ${name} service-specific credential(s)`);
      const certs = mine(certificates, (c) => c.active);
      if (certs === null) ways.push('signing certificates unknown');
      else if (certs.length > 0) ways.push(`${certs.length} X.509 signing certificate(s)`);
      byUserArn.set(user.arn, ways.length > 0 ? ways.join('; ') : 'none');
    }
  }
  return byUserArn;
}

function byUser<T extends { userArn: string }>(list: readonly T[] | null): Map<string, T[]> | null {
  if (list === null) return null;
  const lists = new Map<string, T[]>();
  for (const item of list) {
    const mine = lists.get(item.userArn);
    if (mine) mine.push(item);
    else lists.set(item.userArn, [item]);
  }
  return lists;
}

function countBy(values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function gapReason(slice: Slice<unknown>): string | null {
  return describeGap(slice, {
    failed: (error) => `${error.code}: ${error.message}`,
    notCollected: (reason) => reason,
  });
}
