import { anAccessKey, anIdentityCenter, aPermissionSet, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-account-without-assignments.js';
import { ruleTester } from '../support/rule-tester.js';
import { assignment } from './support/identity-center.js';
import { oneAccount } from './support/snapshots.js';

const ACCOUNT_ARN = 'arn:aws:organizations::000000000000:account/o-exampleorg1/111111111111';
const set = aPermissionSet();
// Member of devs, which the snapshot does not define: a person with permissions (directly attached here).
const person = aUser({
  userName: 'jane.doe',
  passwordEnabled: true,
  groups: ['devs'],
  attachedPolicies: [{ policyName: 'PowerUserAccess', policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }],
});

ruleTester(rule, {
  valid: [
    {
      name: 'account has an assignment',
      snapshot: oneAccount(
        { users: [person] },
        {
          identityCenter: anIdentityCenter({
            permissionSets: [set],
            assignments: [assignment(set.arn, 'g-1')],
          }),
        },
      ),
    },
    {
      name: 'only workloads',
      snapshot: oneAccount(
        { users: [aUser({ userName: 'svc-a', accessKeys: [anAccessKey()] })] },
        { identityCenter: anIdentityCenter() },
      ),
    },
    {
      name: 'no instance: reported by sso-instance-missing instead',
      snapshot: oneAccount({ users: [person] }),
    },
  ],
  invalid: [
    {
      name: 'people but no assignment',
      snapshot: oneAccount(
        { users: [person] },
        {
          identityCenter: anIdentityCenter({
            assignments: [assignment(set.arn, 'g-1', 'GROUP', '222222222222')],
          }),
        },
      ),
      findings: [
        {
          resourceArn: ACCOUNT_ARN,
          severity: 'medium',
          messageId: 'noAssignments',
          data: { accountId: '111111111111', accountName: 'account-111111111111', humans: 1 },
        },
      ],
    },
  ],
});
