/**
 * IAM actions the per-account collector calls. GenerateCredentialReport is the one that is not a
 * List/Get/Describe: it only asks IAM to (re)build the report that GetCredentialReport reads.
 */
export const IAM_REQUIRED_ACTIONS = [
  'iam:GenerateCredentialReport',
  'iam:GetCredentialReport',
  'iam:GetAccountSummary',
  'iam:GetAccountAuthorizationDetails',
  'iam:ListVirtualMFADevices',
  'iam:GetAccountPasswordPolicy',
  'iam:ListAccessKeys',
  'iam:ListSSHPublicKeys',
  'iam:ListServiceSpecificCredentials',
  'iam:ListSAMLProviders',
  'iam:ListOpenIDConnectProviders',
  'iam:GetOpenIDConnectProvider',
] as const;
