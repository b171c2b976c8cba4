import { aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-user-direct-policies.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

ruleTester(rule, {
  valid: [
    {
      name: 'permissions through groups only',
      snapshot: oneAccount({ users: [aUser({ groups: ['developers'] })] }),
    },
  ],
  invalid: [
    {
      name: 'attached and inline policies',
      snapshot: oneAccount({
        users: [
          aUser({
            attachedPolicies: [
              { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
            ],
            inlinePolicies: [
              {
                policyName: 'extra',
                document: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
              },
            ],
          }),
        ],
      }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          severity: 'low',
          messageId: 'attachedAndInline',
          data: { userName: 'alice', attached: 'ReadOnlyAccess', inline: 'extra' },
        },
      ],
    },
  ],
});
