import type { IamUser } from '../../inventory/iam-schema.js';
import { shellWord } from '../../io/text/shell-word.js';

/**
 * Everything AWS requires gone before `delete-user` succeeds (else DeleteConflict), in the order the IAM
 * User Guide gives: console password, access keys, signing certificates, SSH public keys, service-specific
 * credentials, MFA devices (deactivated, virtual ones deleted), group memberships, attached and inline
 * policies, then the user. Each list is read at run time (`--query … --output text`), so what changed
 * since the scan (a key created yesterday) is removed too, not left to fail the delete.
 */
export function deleteUserCommands(user: Pick<IamUser, 'userName'>): string[] {
  const u = shellWord(user.userName);
  const each = (list: string, query: string, command: (id: string) => string) =>
    `for id in $(aws iam ${list} --user-name ${u} --query '${query}' --output text); do ${command('"$id"')}; done`;
  return [
    `aws iam delete-login-profile --user-name ${u} || true  # NoSuchEntity: it had no console password`,
    each(
      'list-access-keys',
      'AccessKeyMetadata[].AccessKeyId',
      (id) => `aws iam delete-access-key --user-name ${u} --access-key-id ${id}`,
    ),
    each(
      'list-signing-certificates',
      'Certificates[].CertificateId',
      (id) => `aws iam delete-signing-certificate --user-name ${u} --certificate-id ${id}`,
    ),
    each(
      'list-ssh-public-keys',
      'SSHPublicKeys[].SSHPublicKeyId',
      (id) => `aws iam delete-ssh-public-key --user-name ${u} --ssh-public-key-id ${id}`,
    ),
    each(
      'list-service-specific-credentials',
      'ServiceSpecificCredentials[].ServiceSpecificCredentialId',
      (id) =>
        `aws iam delete-service-specific-credential --user-name ${u} --service-specific-credential-id ${id}`,
    ),
    each(
      'list-mfa-devices',
      'MFADevices[].SerialNumber',
      (id) =>
        `aws iam deactivate-mfa-device --user-name ${u} --serial-number ${id} && case ${id} in arn:*:mfa/*) aws iam delete-virtual-mfa-device --serial-number ${id};; esac`,
    ),
    each(
      'list-groups-for-user',
      'Groups[].GroupName',
      (id) => `aws iam remove-user-from-group --user-name ${u} --group-name ${id}`,
    ),
    each(
      'list-attached-user-policies',
      'AttachedPolicies[].PolicyArn',
      (id) => `aws iam detach-user-policy --user-name ${u} --policy-arn ${id}`,
    ),
    each(
      'list-user-policies',
      'PolicyNames[]',
      (id) => `aws iam delete-user-policy --user-name ${u} --policy-name ${id}`,
    ),
    `aws iam delete-user --user-name ${u}`,
  ];
}

/**
 * A deactivated key must have stayed unused before it is deleted: its last use must be before the day it
 * was deactivated (or never). Prints the date for the operator to compare.
 */
export function keyUnusedCheck(accessKeyId: string): string {
  return `aws iam get-access-key-last-used --access-key-id ${shellWord(accessKeyId)} --query 'AccessKeyLastUsed.[LastUsedDate,ServiceName]' --output text`;
}
