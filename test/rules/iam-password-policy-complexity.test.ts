import { aStrongPasswordPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-password-policy-complexity.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const arn = 'arn:aws:iam::111111111111:account-password-policy';

ruleTester(rule, {
  valid: [
    { name: 'all classes required', snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy() }) },
    {
      name: 'symbols not required by option',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ requireSymbols: false }) }),
      options: { require: ['uppercase', 'lowercase', 'numbers'] },
    },
  ],
  invalid: [
    {
      name: 'no password policy',
      snapshot: oneAccount({ passwordPolicy: null }),
      findings: [
        { resourceArn: arn, severity: 'low', messageId: 'noPolicy', data: { accountId: '111111111111' } },
      ],
    },
    {
      name: 'symbols and numbers missing',
      snapshot: oneAccount({
        passwordPolicy: aStrongPasswordPolicy({ requireSymbols: false, requireNumbers: false }),
      }),
      findings: [
        {
          resourceArn: arn,
          messageId: 'classesMissing',
          data: { accountId: '111111111111', missing: 'numbers, symbols' },
        },
      ],
    },
  ],
});
