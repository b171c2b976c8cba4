import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-admin-permission-set-assigned-to-user.js';
import { ruleTester } from '../support/rule-tester.js';
import { assignment, STORE } from './support/identity-center.js';
import { oneAccount } from './support/snapshots.js';

const admin = aPermissionSet({
  name: 'Admin',
  managedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess' }],
});
const inlineAdmin = aPermissionSet({
  name: 'Sneaky',
  managedPolicies: [],
  inlinePolicy: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
});
const readOnly = aPermissionSet({ name: 'ReadOnly' });
const ic = (...assignments: ReturnType<typeof assignment>[]) =>
  oneAccount(
    {},
    {
      identityCenter: anIdentityCenter({
        permissionSets: [admin, inlineAdmin, readOnly],
        assignments,
        identityStore: STORE,
      }),
    },
  );

ruleTester(rule, {
  valid: [
    { name: 'admin through a group', snapshot: ic(assignment(admin.arn, 'g-admins')) },
    { name: 'read-only to a user', snapshot: ic(assignment(readOnly.arn, 'u-jane', 'USER')) },
  ],
  invalid: [
    {
      name: 'AdministratorAccess and inline "*:*" assigned to a user',
      snapshot: ic(assignment(admin.arn, 'u-jane', 'USER'), assignment(inlineAdmin.arn, 'u-jane', 'USER')),
      findings: [
        {
          resourceArn: admin.arn,
          subject: '111111111111/USER/u-jane',
          severity: 'high',
          messageId: 'assignedToUser',
          data: { permissionSet: 'Admin', user: 'jane', accountId: '111111111111' },
        },
        {
          resourceArn: inlineAdmin.arn,
          subject: '111111111111/USER/u-jane',
          messageId: 'assignedToUser',
          data: { permissionSet: 'Sneaky', user: 'jane', accountId: '111111111111' },
        },
      ],
    },
  ],
});
