import type { Slice } from '../inventory/collection.js';
import type {
  ServiceCredential,
  SigningCertificate,
  SshPublicKey,
} from '../inventory/long-lived-credentials-schema.js';
import { collectedData } from '../inventory/slice-reader.js';
import type { Account } from '../inventory/snapshot-schema.js';

/**
 * What each long-lived credential of an IAM user (besides password and access keys) is for, what replaces
 * it, and how to remove it. One place, read by the rules and by the kit's user clean-up.
 */

export interface ServiceCredentialKind {
  /** Readable name, e.g. "CodeCommit HTTPS Git credentials". */
  label: string;
  /** What replaces it once the person or workload has short-lived credentials. */
  replacement: string;
}

const SERVICE_KINDS: Record<string, ServiceCredentialKind> = {
  'codecommit.amazonaws.com': {
    label: 'CodeCommit HTTPS Git credential',
    replacement:
      'git-remote-codecommit (codecommit:: URLs) or the AWS CLI credential helper, signed with the IAM Identity Center profile (`aws sso login`) or the workload role',
  },
  'cassandra.amazonaws.com': {
    label: 'Amazon Keyspaces (for Apache Cassandra) password',
    replacement:
      'the SigV4 authentication plugin of the Cassandra driver, with IAM Identity Center or role credentials',
  },
  'bedrock.amazonaws.com': {
    label: 'Amazon Bedrock long-term API key',
    replacement:
      'short-term Bedrock API keys generated from the caller’s own session (valid at most 12 hours), or SigV4 with IAM Identity Center or role credentials',
  },
};

export function serviceCredentialKind(serviceName: string): ServiceCredentialKind {
  return (
    SERVICE_KINDS[serviceName] ?? {
      label: `service-specific credential for ${serviceName}`,
      replacement: `the service’s IAM (SigV4) authentication with IAM Identity Center or role credentials`,
    }
  );
}

export const SSH_KEY_REPLACEMENT =
  'CodeCommit over HTTPS with git-remote-codecommit and the IAM Identity Center profile (`aws sso login`); workloads use their role';

export const SIGNING_CERTIFICATE_REPLACEMENT =
  'nothing: X.509 signing certificates only sign legacy SOAP requests that AWS no longer accepts for most services; SigV4 with IAM Identity Center or role credentials replaces them';

export function deleteSshPublicKeyCommand(key: Pick<SshPublicKey, 'userName' | 'sshPublicKeyId'>): string {
  return `aws iam delete-ssh-public-key --user-name ${key.userName} --ssh-public-key-id ${key.sshPublicKeyId}`;
}

export function deleteServiceCredentialCommand(
  credential: Pick<ServiceCredential, 'userName' | 'credentialId'>,
): string {
  return `aws iam delete-service-specific-credential --user-name ${credential.userName} --service-specific-credential-id ${credential.credentialId}`;
}

/** The report has no certificate id: list them, then delete by id. */
export function deleteSigningCertificateCommands(
  certificate: Pick<SigningCertificate, 'userName'>,
): string[] {
  return [
    `aws iam list-signing-certificates --user-name ${certificate.userName}`,
    `aws iam delete-signing-certificate --user-name ${certificate.userName} --certificate-id <certificate-id>`,
  ];
}

export interface UserCredentialCleanup {
  /** One command (or pair) per credential held; empty when none is held or nothing could be read. */
  commands: string[];
  /** Slices that were not collected for this account: the clean-up may be incomplete, say so. */
  unknown: string[];
}

/**
 * Everything to delete, besides password and access keys, before an IAM user can be deleted
 * (IAM refuses DeleteUser while any of these exist). For the kit's user clean-up.
 */
export function userCredentialCleanup(account: Account, userArn: string): UserCredentialCleanup {
  const commands: string[] = [];
  const unknown: string[] = [];
  const each = <T extends { userArn: string }>(
    name: string,
    slice: Slice<T[]>,
    toCommands: (item: T) => string[],
  ) => {
    const items = collectedData(slice);
    if (!items) {
      unknown.push(name);
      return;
    }
    for (const item of items) if (item.userArn === userArn) commands.push(...toCommands(item));
  };
  each('iam.sshPublicKeys', account.iam.sshPublicKeys, (key) => [deleteSshPublicKeyCommand(key)]);
  each('iam.serviceCredentials', account.iam.serviceCredentials, (c) => [deleteServiceCredentialCommand(c)]);
  // Both slots are deleted by listing once; one pair of commands per user is enough.
  const allCertificates = collectedData(account.iam.signingCertificates);
  const certificates = allCertificates?.filter((c) => c.userArn === userArn) ?? [];
  if (!allCertificates) unknown.push('iam.signingCertificates');
  else if (certificates[0]) commands.push(...deleteSigningCertificateCommands(certificates[0]));
  return { commands, unknown };
}
