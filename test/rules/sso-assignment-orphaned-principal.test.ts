import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-assignment-orphaned-principal.js';
import { ruleTester } from '../support/rule-tester.js';
import { assignment, STORE } from './support/identity-center.js';
import { oneAccount } from './support/snapshots.js';

const set = aPermissionSet();
const withAssignments = (...assignments: ReturnType<typeof assignment>[]) =>
  oneAccount(
    {},
    { identityCenter: anIdentityCenter({ permissionSets: [set], assignments, identityStore: STORE }) },
  );

ruleTester(rule, {
  valid: [
    {
      name: 'existing user and group',
      snapshot: withAssignments(assignment(set.arn, 'g-admins'), assignment(set.arn, 'u-jane', 'USER')),
    },
  ],
  invalid: [
    {
      name: 'deleted user and deleted group',
      snapshot: withAssignments(assignment(set.arn, 'u-gone', 'USER'), assignment(set.arn, 'g-gone')),
      findings: [
        {
          resourceArn: set.arn,
          subject: '111111111111/USER/u-gone',
          severity: 'medium',
          messageId: 'orphanedUser',
          data: { permissionSet: 'ReadOnly', accountId: '111111111111', principalId: 'u-gone' },
        },
        {
          resourceArn: set.arn,
          subject: '111111111111/GROUP/g-gone',
          messageId: 'orphanedGroup',
          data: { permissionSet: 'ReadOnly', accountId: '111111111111', principalId: 'g-gone' },
        },
      ],
    },
  ],
});
