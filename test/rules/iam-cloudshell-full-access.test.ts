import { aGroup, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-cloudshell-full-access.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const cloudShell = {
  policyName: 'AWSCloudShellFullAccess',
  policyArn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
};

ruleTester(rule, {
  valid: [
    { name: 'no CloudShell policy', snapshot: oneAccount({ users: [aUser()], groups: [aGroup()] }) },
    {
      name: 'policy list replaced by option',
      snapshot: oneAccount({ users: [aUser({ attachedPolicies: [cloudShell] })] }),
      options: { policyArns: ['arn:aws:iam::aws:policy/Other'] },
    },
  ],
  invalid: [
    {
      name: 'attached to a user and a group',
      snapshot: oneAccount({
        users: [aUser({ attachedPolicies: [cloudShell] })],
        groups: [aGroup({ groupName: 'ops', attachedPolicies: [cloudShell] })],
      }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          severity: 'medium',
          messageId: 'userAttached',
          data: { userName: 'alice' },
        },
        {
          resourceArn: 'arn:aws:iam::111111111111:group/ops',
          messageId: 'groupAttached',
          data: { groupName: 'ops' },
        },
      ],
    },
  ],
});
