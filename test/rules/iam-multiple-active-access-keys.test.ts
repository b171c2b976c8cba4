import { anAccessKey, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-multiple-active-access-keys.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const keys = (...statuses: Array<'Active' | 'Inactive'>) =>
  oneAccount({
    users: [
      aUser({
        userName: 'svc',
        accessKeys: statuses.map((status, i) => anAccessKey({ accessKeyId: `AKIA${i}`, status })),
      }),
    ],
  });

ruleTester(rule, {
  valid: [
    { name: 'one active key', snapshot: keys('Active') },
    { name: 'one active and one inactive key', snapshot: keys('Active', 'Inactive') },
    {
      name: 'two active keys allowed by option',
      snapshot: keys('Active', 'Active'),
      options: { maxActiveKeys: 2 },
    },
  ],
  invalid: [
    {
      name: 'two active keys',
      snapshot: keys('Active', 'Active'),
      findings: [
        {
          resourceArn: USER_ARN('svc'),
          severity: 'medium',
          messageId: 'tooManyKeys',
          data: { userName: 'svc', activeKeys: 2, maxActiveKeys: 1 },
        },
      ],
    },
  ],
});
