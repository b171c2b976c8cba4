import { InputError } from '../../io/input-error.js';

/** Service control policies are limited to 5,120 characters, counted on the document as uploaded. */
export const SCP_MAX_CHARACTERS = 5120;

/**
 * What keeps long-lived IAM user credentials from coming back once people are on Identity Center:
 * creating users and any of their credentials, re-activating a deactivated one (UpdateAccessKey,
 * UpdateSigningCertificate, UpdateSSHPublicKey, UpdateServiceSpecificCredential), and granting users
 * permissions directly or through their groups (AttachGroupPolicy, PutGroupPolicy, removing a boundary).
 * Deleting stays allowed. Because re-activation and new passwords are denied, the runbook attaches it only
 * after the last deletion window, when no rollback needs them.
 */
export const DENIED_ACTIONS = [
  'iam:AddUserToGroup',
  'iam:AttachGroupPolicy',
  'iam:AttachUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:CreateUser',
  'iam:DeleteUserPermissionsBoundary',
  'iam:PutGroupPolicy',
  'iam:PutUserPolicy',
  'iam:UpdateAccessKey',
  'iam:UpdateLoginProfile',
  'iam:UpdateServiceSpecificCredential',
  'iam:UpdateSigningCertificate',
  'iam:UpdateSSHPublicKey',
  'iam:UploadSigningCertificate',
  'iam:UploadSSHPublicKey',
];

export const exemptRoleArnPattern = (name: string): string => `arn:aws:iam::*:role/${name}`;

/**
 * scp/deny-iam-users.json. Exempt roles (an account factory, break-glass automation) are matched on
 * aws:PrincipalARN with ArnNotLike, so the deny applies to every principal except those role ARNs.
 */
export function denyIamUsersScp(exemptRoles: readonly string[]): string {
  const statement: Record<string, unknown> = {
    Sid: 'DenyLongLivedIamUserCredentials',
    Effect: 'Deny',
    Action: DENIED_ACTIONS,
    Resource: '*',
  };
  if (exemptRoles.length > 0)
    statement.Condition = { ArnNotLike: { 'aws:PrincipalARN': exemptRoles.map(exemptRoleArnPattern) } };
  const policy = { Version: '2012-10-17', Statement: [statement] };
  // The README uploads the file as written (`--content file://…`), whitespace included: what is measured
  // is what is written. Pretty-printed for review when it fits, minified when only that fits.
  const pretty = `${JSON.stringify(policy, null, 2)}\n`;
  const text = pretty.length <= SCP_MAX_CHARACTERS ? pretty : JSON.stringify(policy);
  if (text.length > SCP_MAX_CHARACTERS)
    throw new InputError(
      `--scp-exempt-role: the SCP would exceed ${SCP_MAX_CHARACTERS} characters; name fewer roles or use a path wildcard`,
    );
  return text;
}
