import { InputError } from '../../io/input-error.js';

/** Service control policies are limited to 5,120 characters (whitespace counts unless minified). */
export const SCP_MAX_CHARACTERS = 5120;

/**
 * What keeps new long-lived credentials from appearing once people are on Identity Center: creating users,
 * their keys, console passwords and other user credentials, and granting users permissions. Deactivating
 * and deleting stay allowed, since the cutover runbook needs them.
 */
export const DENIED_ACTIONS = [
  'iam:AddUserToGroup',
  'iam:AttachUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:CreateUser',
  'iam:PutUserPolicy',
  'iam:UpdateLoginProfile',
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
  const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)}\n`;
  // AWS counts the policy as stored; a minified copy is what must fit.
  if (JSON.stringify(JSON.parse(text)).length > SCP_MAX_CHARACTERS)
    throw new InputError(
      `--scp-exempt-role: the SCP would exceed ${SCP_MAX_CHARACTERS} characters; name fewer roles or use a path wildcard`,
    );
  return text;
}
