import { anAccessKey, anIdentityCenter, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-instance-missing.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const ORG_ARN = 'arn:aws:organizations::000000000000:organization/o-exampleorg1';
// A person with some permission (one with none is told to delete the user, not to move).
const person = aUser({
  userName: 'jane.doe',
  passwordEnabled: true,
  attachedPolicies: [{ policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
});

ruleTester(rule, {
  valid: [
    {
      name: 'instance exists',
      snapshot: oneAccount({ users: [person] }, { identityCenter: anIdentityCenter() }),
    },
    {
      name: 'no instance but only workloads',
      snapshot: oneAccount({ users: [aUser({ userName: 'svc-x', accessKeys: [anAccessKey()] })] }),
    },
    { name: 'threshold raised', snapshot: oneAccount({ users: [person] }), options: { minHumanUsers: 5 } },
  ],
  invalid: [
    {
      name: 'no instance, one person',
      snapshot: oneAccount({ users: [person] }),
      findings: [{ resourceArn: ORG_ARN, severity: 'high', messageId: 'noInstance', data: { humans: 1 } }],
    },
  ],
});
