/** Organizations actions that read the organization's structure (accounts, OUs); they fill no slice. */
export const ORGANIZATION_STRUCTURE_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListAccounts',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
] as const;

/** Organizations actions the organization collector calls (from the management or delegated admin account). */
export const ORGANIZATIONS_REQUIRED_ACTIONS = [
  ...ORGANIZATION_STRUCTURE_ACTIONS,
  // Centralized root access is an IAM API about the organization.
  'iam:ListOrganizationsFeatures',
] as const;
