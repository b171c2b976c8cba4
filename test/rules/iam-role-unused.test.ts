import { aRole } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-role-unused.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

// FIXED_NOW is 2026-12-01.
const ROLE_ARN = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

ruleTester(rule, {
  valid: [
    {
      name: 'used last week',
      snapshot: oneAccount({ roles: [aRole({ lastUsedDate: '2026-11-24T00:00:00.000Z' })] }),
    },
    {
      name: 'created recently, never used yet',
      snapshot: oneAccount({ roles: [aRole({ createDate: '2026-11-01T00:00:00.000Z' })] }),
    },
    {
      name: 'unused Identity Center and service-linked roles are not reported',
      snapshot: oneAccount({
        roles: [
          aRole({
            roleName: 'AWSReservedSSO_ReadOnly_1234',
            path: '/aws-reserved/sso.amazonaws.com/eu-west-1/',
          }),
          aRole({ roleName: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/' }),
        ],
      }),
    },
    {
      name: 'threshold raised by option',
      snapshot: oneAccount({ roles: [aRole({ lastUsedDate: '2026-06-01T00:00:00.000Z' })] }),
      options: { unusedDays: 365 },
    },
  ],
  invalid: [
    {
      name: 'last used six months ago',
      snapshot: oneAccount({
        roles: [aRole({ roleName: 'old-ci', lastUsedDate: '2026-06-01T00:00:00.000Z' })],
      }),
      findings: [
        {
          resourceArn: ROLE_ARN('old-ci'),
          severity: 'low',
          messageId: 'idle',
          data: { roleName: 'old-ci', idleDays: 183, unusedDays: 90 },
        },
      ],
    },
    {
      name: 'never used since creation',
      snapshot: oneAccount({ roles: [aRole({ roleName: 'never' })] }),
      findings: [
        {
          resourceArn: ROLE_ARN('never'),
          messageId: 'neverUsed',
          data: { roleName: 'never', ageDays: 1065 },
        },
      ],
    },
  ],
});
