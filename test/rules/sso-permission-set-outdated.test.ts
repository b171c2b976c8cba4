import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-permission-set-outdated.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const set = aPermissionSet({ name: 'Developers' });
const withStatus = (status: 'current' | 'outdated') =>
  oneAccount(
    {},
    {
      identityCenter: anIdentityCenter({
        permissionSets: [set],
        provisioning: [
          { permissionSetArn: set.arn, accountId: '111111111111', status: 'current' },
          { permissionSetArn: set.arn, accountId: '222222222222', status },
        ],
      }),
    },
  );

ruleTester(rule, {
  valid: [{ name: 'all current', snapshot: withStatus('current') }],
  invalid: [
    {
      name: 'outdated on one account',
      snapshot: withStatus('outdated'),
      findings: [
        {
          resourceArn: set.arn,
          subject: '222222222222',
          severity: 'medium',
          messageId: 'outdated',
          data: { permissionSet: 'Developers', accountId: '222222222222' },
        },
      ],
    },
  ],
});
