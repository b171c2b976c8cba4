import { aStrongPasswordPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-password-policy-min-length.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const arn = 'arn:aws:iam::111111111111:account-password-policy';

ruleTester(rule, {
  valid: [
    {
      name: '14 characters',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ minimumPasswordLength: 14 }) }),
    },
    {
      name: 'lower minimum by option',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ minimumPasswordLength: 10 }) }),
      options: { minLength: 10 },
    },
  ],
  invalid: [
    {
      name: 'no password policy',
      snapshot: oneAccount({ passwordPolicy: null }),
      findings: [{ resourceArn: arn, severity: 'medium', messageIncludes: 'has no password policy' }],
    },
    {
      name: '13 characters',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ minimumPasswordLength: 13 }) }),
      findings: [{ resourceArn: arn, messageIncludes: 'requires 13 minimum characters' }],
    },
  ],
});
