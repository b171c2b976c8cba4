import {
  type IAMClient,
  ListServiceSpecificCredentialsCommand,
  paginateListSSHPublicKeys,
  type UserDetail,
} from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import type {
  ServiceCredential,
  SigningCertificate,
  SshPublicKey,
} from '../../inventory/long-lived-credentials-schema.js';
import { isoOf } from './map-authorization-details.js';
import { type CredentialReport, reportBoolean, reportDate } from './parse-credential-report.js';

/** Per-user calls run this many at a time within one account (the account crawl is itself bounded). */
const PER_USER_CONCURRENCY = 4;

type Owner = Pick<UserDetail, 'UserName' | 'Arn'>;

async function perUser<T>(users: Owner[], read: (user: Owner) => Promise<T[]>): Promise<T[]> {
  const limit = pLimit(PER_USER_CONCURRENCY);
  const lists = await Promise.all(users.map((user) => limit(() => read(user))));
  return lists.flat();
}

/** iam:ListSSHPublicKeys for every user (one call each, more only past 100 keys). */
export function readSshPublicKeys(iam: IAMClient, users: Owner[]): Promise<SshPublicKey[]> {
  return perUser(users, async (user) => {
    const keys: SshPublicKey[] = [];
    for await (const page of paginateListSSHPublicKeys({ client: iam }, { UserName: user.UserName })) {
      for (const key of page.SSHPublicKeys ?? []) {
        keys.push({
          userName: user.UserName ?? '',
          userArn: user.Arn ?? '',
          sshPublicKeyId: key.SSHPublicKeyId ?? '',
          status: key.Status === 'Inactive' ? 'Inactive' : 'Active',
          uploadDate: isoOf(key.UploadDate),
        });
      }
    }
    return keys;
  });
}

/**
 * iam:ListServiceSpecificCredentials for every user, all services (CodeCommit, Keyspaces, Bedrock and
 * whatever AWS adds): one call each, more only when IAM truncates (the SDK has no paginator for it).
 */
export function readServiceCredentials(iam: IAMClient, users: Owner[]): Promise<ServiceCredential[]> {
  return perUser(users, async (user) => {
    const credentials: ServiceCredential[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(
        new ListServiceSpecificCredentialsCommand({ UserName: user.UserName, Marker: marker }),
      );
      for (const credential of page.ServiceSpecificCredentials ?? []) {
        credentials.push({
          userName: user.UserName ?? '',
          userArn: user.Arn ?? '',
          credentialId: credential.ServiceSpecificCredentialId ?? '',
          serviceName: credential.ServiceName ?? 'unknown',
          status: credential.Status === 'Inactive' ? 'Inactive' : 'Active',
          createDate: isoOf(credential.CreateDate),
          expirationDate: isoOf(credential.ExpirationDate),
        });
      }
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    return credentials;
  });
}

/**
 * Signing certificates from the credential report (cert_N_active, cert_N_last_rotated): no call per user.
 * A slot counts when it is active or was ever rotated (an inactive certificate still exists).
 */
export function signingCertificatesFromReport(
  report: CredentialReport,
  users: Owner[],
): SigningCertificate[] {
  const certificates: SigningCertificate[] = [];
  for (const user of users) {
    const row = report.usersByName.get(user.UserName ?? '');
    if (!row) continue;
    for (const slot of [1, 2] as const) {
      const active = reportBoolean(row, `cert_${slot}_active`) === true;
      const lastRotated = reportDate(row, `cert_${slot}_last_rotated`);
      if (!active && lastRotated === null) continue;
      certificates.push({
        userName: user.UserName ?? '',
        userArn: user.Arn ?? '',
        slot,
        active,
        lastRotated,
      });
    }
  }
  return certificates;
}
