import { aStrongPasswordPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-password-policy-change-disallowed.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const arn = 'arn:aws:iam::111111111111:account-password-policy';

ruleTester(rule, {
  valid: [
    {
      name: 'users may change their password',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy() }),
    },
    {
      name: 'no custom policy: reported by the other password rules',
      snapshot: oneAccount({ passwordPolicy: null }),
    },
  ],
  invalid: [
    {
      name: 'policy forbids changing one’s own password',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ allowUsersToChangePassword: false }) }),
      findings: [
        {
          resourceArn: arn,
          severity: 'low',
          messageId: 'changeDisallowed',
          data: { accountId: '111111111111' },
        },
      ],
    },
  ],
});
