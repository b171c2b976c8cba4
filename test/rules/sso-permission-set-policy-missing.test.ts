import rule from '../../src/rules/catalog/sso-permission-set-policy-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import {
  boundary,
  DATA_LAKE,
  lakePolicy,
  twoAssignedAccounts,
} from './support/permission-set-prerequisites.js';

const A = '111111111111';
const B = '222222222222';

ruleTester(rule, {
  valid: [
    {
      name: 'both assigned accounts hold the policy and the boundary',
      snapshot: twoAssignedAccounts({ [A]: [lakePolicy(A), boundary(A)], [B]: [lakePolicy(B), boundary(B)] }),
    },
  ],
  invalid: [
    {
      name: 'policy and boundary missing in one account: one finding each, on the permission set',
      snapshot: twoAssignedAccounts({ [A]: [lakePolicy(A), boundary(A)], [B]: [] }),
      findings: [
        {
          resourceArn: DATA_LAKE.arn,
          subject: `${B} /DataLakeAccess`,
          severity: 'high',
          messageId: 'policyMissing',
          data: { permissionSet: 'DataLake', accountId: '222222222222', policy: '/DataLakeAccess' },
        },
        {
          resourceArn: DATA_LAKE.arn,
          subject: `${B} /Boundary`,
          messageId: 'boundaryMissing',
          data: { permissionSet: 'DataLake', accountId: '222222222222', policy: '/Boundary' },
        },
      ],
    },
  ],
});
