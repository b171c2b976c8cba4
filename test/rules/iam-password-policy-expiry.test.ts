import { aStrongPasswordPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-password-policy-expiry.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const arn = 'arn:aws:iam::111111111111:account-password-policy';

ruleTester(rule, {
  valid: [
    { name: 'expires after 90 days', snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy() }) },
    {
      name: 'longer allowed by option',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ maxPasswordAge: 365 }) }),
      options: { maxPasswordAgeDays: 365 },
    },
  ],
  invalid: [
    {
      name: 'no password policy',
      snapshot: oneAccount({ passwordPolicy: null }),
      findings: [{ resourceArn: arn, messageId: 'noPolicy', data: { accountId: '111111111111' } }],
    },
    {
      name: 'expiry off',
      snapshot: oneAccount({
        passwordPolicy: aStrongPasswordPolicy({ expirePasswords: false, maxPasswordAge: null }),
      }),
      findings: [
        {
          resourceArn: arn,
          messageId: 'neverExpires',
          data: { accountId: '111111111111', maxPasswordAgeDays: 90 },
        },
      ],
    },
    {
      name: '180 days',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ maxPasswordAge: 180 }) }),
      findings: [
        {
          resourceArn: arn,
          severity: 'low',
          messageId: 'expiresTooLate',
          data: { accountId: '111111111111', maxAge: 180, maxPasswordAgeDays: 90 },
        },
      ],
    },
  ],
});
