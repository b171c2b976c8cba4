import { aStrongPasswordPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-password-policy-reuse.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const arn = 'arn:aws:iam::111111111111:account-password-policy';

ruleTester(rule, {
  valid: [
    {
      name: 'remembers 24',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ passwordReusePrevention: 24 }) }),
    },
    {
      name: 'lower requirement by option',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ passwordReusePrevention: 5 }) }),
      options: { minReusePrevention: 5 },
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
      name: 'reuse not prevented',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ passwordReusePrevention: null }) }),
      findings: [
        {
          resourceArn: arn,
          messageId: 'tooFewRemembered',
          data: { accountId: '111111111111', remembered: 'no', minReusePrevention: 24 },
        },
      ],
    },
  ],
});
