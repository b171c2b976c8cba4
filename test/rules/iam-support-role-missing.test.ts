import { aGroup, aManagedPolicy, aRole } from '../../fixtures/builders/index.js';
import { notCollected } from '../../src/inventory/collection.js';
import rule from '../../src/rules/catalog/iam-support-role-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const supportPolicy = aManagedPolicy({
  arn: 'arn:aws:iam::aws:policy/AWSSupportAccess',
  policyName: 'AWSSupportAccess',
  awsManaged: true,
  document: null,
  defaultVersionId: null,
});

/** An account whose roles were not collected (a snapshot from before roles were collected). */
function withoutRoles(snapshot: ReturnType<typeof oneAccount>) {
  snapshot.accounts[0]!.iam.roles = notCollected('snapshot written by an older keysweep');
  return snapshot;
}

ruleTester(rule, {
  valid: [
    {
      name: 'a group holds AWSSupportAccess',
      snapshot: oneAccount({
        groups: [
          aGroup({
            groupName: 'support',
            attachedPolicies: [{ policyName: 'AWSSupportAccess', policyArn: supportPolicy.arn }],
          }),
        ],
        policies: [supportPolicy],
      }),
    },
    {
      name: 'a role holds AWSSupportAccess',
      snapshot: oneAccount({
        policies: [],
        roles: [
          aRole({
            roleName: 'aws-support',
            attachedPolicies: [{ policyName: 'AWSSupportAccess', policyArn: supportPolicy.arn }],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'roles are collected and none of them, no user and no group holds it',
      snapshot: oneAccount({ policies: [], roles: [aRole({ roleName: 'deploy' })], accountSummary: {} }),
      findings: [
        {
          resourceArn: 'arn:aws:iam::111111111111:support-role',
          severity: 'low',
          messageId: 'noSupportAccess',
          data: { accountId: '111111111111' },
        },
      ],
    },
    {
      name: 'roles not collected, but the account has no role at all and no user or group holds it',
      snapshot: withoutRoles(oneAccount({ policies: [], accountSummary: { Users: 0, Roles: 0 } })),
      findings: [
        {
          resourceArn: 'arn:aws:iam::111111111111:support-role',
          severity: 'low',
          messageId: 'noSupportAccess',
          data: { accountId: '111111111111' },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'no user or group holds it, roles exist but are not collected',
      snapshot: withoutRoles(
        oneAccount({
          policies: [supportPolicy].map((p) => ({ ...p, attachmentCount: 0 })),
          accountSummary: { Roles: 4 },
        }),
      ),
      reasonIncludes: 'IAM roles are not collected',
    },
    {
      name: 'the account summary does not say how many roles exist',
      snapshot: withoutRoles(oneAccount({ policies: [], accountSummary: {} })),
      reasonIncludes: 'cannot be told',
    },
  ],
});
