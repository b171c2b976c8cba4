import { aManagedPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-policy-service-wildcard.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const withActions = (actions: string[], extra: Parameters<typeof aManagedPolicy>[0] = {}) =>
  oneAccount({
    policies: [
      aManagedPolicy({
        policyName: 'P',
        document: { Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] },
        ...extra,
      }),
    ],
  });

ruleTester(rule, {
  valid: [
    { name: 'specific actions', snapshot: withActions(['s3:GetObject', 's3:List*']) },
    {
      name: 'AWS managed policies are not ours to fix',
      snapshot: withActions(['s3:*'], { awsManaged: true }),
    },
    {
      name: 'unattached ignored by option',
      snapshot: withActions(['s3:*'], { attachmentCount: 0 }),
      options: { includeUnattached: false },
    },
  ],
  invalid: [
    {
      name: 'service wildcards',
      snapshot: withActions(['s3:*', 'ec2:Describe*', 'glue:*']),
      findings: [
        {
          resourceArn: 'arn:aws:iam::111111111111:policy/P',
          severity: 'low',
          messageId: 'serviceWildcard',
          data: { policyName: 'P', actions: 'glue:*, s3:*' },
        },
      ],
    },
  ],
});
