import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-session-duration-too-long.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const withSets = (...sets: ReturnType<typeof aPermissionSet>[]) =>
  oneAccount({}, { identityCenter: anIdentityCenter({ permissionSets: sets }) });
const admin = aPermissionSet({
  name: 'Admin',
  sessionDuration: 'PT12H',
  managedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess' }],
});
const dev = aPermissionSet({ name: 'Dev', sessionDuration: 'PT8H30M' });

ruleTester(rule, {
  valid: [
    { name: 'eight hours', snapshot: withSets(aPermissionSet({ sessionDuration: 'PT8H' })) },
    { name: 'longer allowed by option', snapshot: withSets(dev), options: { maxSessionHours: 10 } },
  ],
  invalid: [
    {
      name: 'admin worse than others',
      snapshot: withSets(admin, dev),
      findings: [
        {
          resourceArn: admin.arn,
          severity: 'high',
          messageId: 'tooLongAdministrator',
          data: { permissionSet: 'Admin', hours: 12, maxSessionHours: 8 },
        },
        {
          resourceArn: dev.arn,
          severity: 'medium',
          messageId: 'tooLong',
          data: { permissionSet: 'Dev', hours: 8.5, maxSessionHours: 8 },
        },
      ],
    },
  ],
});
