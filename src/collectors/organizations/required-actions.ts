/** Organizations actions that read the organization's structure (accounts, OUs); they fill no slice. */
export const ORGANIZATION_STRUCTURE_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListAccounts',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
] as const;
