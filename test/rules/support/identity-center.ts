import type { AccountAssignment } from '../../../src/inventory/identity-center-schema.js';

export const assignment = (
  permissionSetArn: string,
  principalId: string,
  principalType: 'USER' | 'GROUP' = 'GROUP',
  accountId = '111111111111',
): AccountAssignment => ({ accountId, permissionSetArn, principalType, principalId });

export const STORE = {
  users: [{ userId: 'u-jane', userName: 'jane', displayName: 'Jane', emails: ['jane@example.com'] }],
  groups: [{ groupId: 'g-admins', displayName: 'admins', description: null }],
  memberships: [{ groupId: 'g-admins', userId: 'u-jane' }],
};
