import { anIdentityCenter, aPermissionSet } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-inline-policy-admin.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const withInline = (inlinePolicy: ReturnType<typeof aPermissionSet>['inlinePolicy']) =>
  oneAccount(
    {},
    { identityCenter: anIdentityCenter({ permissionSets: [aPermissionSet({ name: 'Ops', inlinePolicy })] }) },
  );

ruleTester(rule, {
  valid: [
    { name: 'no inline policy', snapshot: withInline(null) },
    {
      name: 'scoped inline policy',
      snapshot: withInline({
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::logs/*' }],
      }),
    },
  ],
  invalid: [
    {
      name: '"*" on "*"',
      snapshot: withInline({ Statement: [{ Effect: 'Allow', Action: ['*'], Resource: '*' }] }),
      findings: [
        {
          resourceArn: aPermissionSet({ name: 'Ops' }).arn,
          severity: 'high',
          messageId: 'inlineAdmin',
          data: { permissionSet: 'Ops' },
        },
      ],
    },
  ],
});
