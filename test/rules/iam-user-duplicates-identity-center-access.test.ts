import { anAccessKey, anIdentityCenter, aPermissionSet, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-user-duplicates-identity-center-access.js';
import { ruleTester } from '../support/rule-tester.js';
import { twoAccounts, USER_ARN } from './support/snapshots.js';

const readOnly = aPermissionSet({ name: 'ReadOnly' });
const identityCenter = (accountId: string) =>
  anIdentityCenter({
    permissionSets: [readOnly],
    assignments: [{ accountId, permissionSetArn: readOnly.arn, principalType: 'GROUP', principalId: 'g-1' }],
    identityStore: {
      users: [
        {
          userId: 'u-1',
          userName: 'jane@example.com',
          displayName: 'Jane Doe',
          emails: ['jane@example.com'],
        },
      ],
      groups: [{ groupId: 'g-1', displayName: 'aws-readers', description: null }],
      memberships: [{ groupId: 'g-1', userId: 'u-1' }],
    },
  });
const jane = aUser({ userName: 'jane.doe', passwordEnabled: true });

ruleTester(rule, {
  valid: [
    {
      name: 'Identity Center access to another account only',
      snapshot: twoAccounts({ users: [jane] }, { identityCenter: identityCenter('222222222222') }),
    },
    {
      name: 'a workload user with a matching name is not a person',
      snapshot: twoAccounts(
        { users: [aUser({ userName: 'jane', accessKeys: [anAccessKey()], path: '/ci/' })] },
        { identityCenter: identityCenter('999999999999') },
      ),
    },
  ],
  invalid: [
    {
      name: 'person with an IAM user and a group assignment on the same account',
      snapshot: twoAccounts({ users: [jane] }, { identityCenter: identityCenter('111111111111') }),
      findings: [
        {
          resourceArn: USER_ARN('jane.doe'),
          subject: 'u-1',
          messageId: 'duplicatesAccess',
          data: {
            userName: 'jane.doe',
            identityCenterUser: 'jane@example.com',
            accountId: '111111111111',
            permissionSets: 'ReadOnly via aws-readers',
          },
        },
      ],
    },
  ],
});
