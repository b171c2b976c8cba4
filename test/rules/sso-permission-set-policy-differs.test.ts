import rule from '../../src/rules/catalog/sso-permission-set-policy-differs.js';
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
      name: 'the same document in both accounts',
      snapshot: twoAssignedAccounts({ [A]: [lakePolicy(A), boundary(A)], [B]: [lakePolicy(B), boundary(B)] }),
    },
    {
      name: 'missing in one account is the other rule’s finding, not a difference',
      snapshot: twoAssignedAccounts({ [A]: [lakePolicy(A), boundary(A)], [B]: [boundary(B)] }),
    },
  ],
  invalid: [
    {
      name: 'one account grants more: each account’s copy is reported, naming the other',
      snapshot: twoAssignedAccounts({
        [A]: [lakePolicy(A), boundary(A)],
        [B]: [lakePolicy(B, ['s3:*', 'glue:*']), boundary(B)],
      }),
      findings: [
        {
          resourceArn: DATA_LAKE.arn,
          subject: `${A} /DataLakeAccess`,
          severity: 'medium',
          messageId: 'differs',
          data: {
            permissionSet: 'DataLake',
            policy: '/DataLakeAccess',
            accountId: '111111111111',
            differentIn: '222222222222',
          },
        },
        {
          resourceArn: DATA_LAKE.arn,
          subject: `${B} /DataLakeAccess`,
          messageId: 'differs',
          data: {
            permissionSet: 'DataLake',
            policy: '/DataLakeAccess',
            accountId: '222222222222',
            differentIn: '111111111111',
          },
        },
      ],
    },
  ],
});
