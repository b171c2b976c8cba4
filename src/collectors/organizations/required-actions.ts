/** Organizations actions the organization collector calls (from the management or delegated admin account). */
export const ORGANIZATIONS_REQUIRED_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListAccounts',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
  // Centralized root access is an IAM API about the organization.
  'iam:ListOrganizationsFeatures',
] as const;
