import { aGroup, aManagedPolicy, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-full-admin-privileges.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const star = { Version: '2012-10-17', Statement: [{ Effect: 'Allow' as const, Action: '*', Resource: '*' }] };
const admin = { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };

ruleTester(rule, {
  valid: [
    {
      name: 'scoped policies only',
      snapshot: oneAccount({ users: [aUser()], policies: [aManagedPolicy()] }),
    },
    {
      name: 'unattached customer "*:*" policy',
      snapshot: oneAccount({
        policies: [aManagedPolicy({ policyName: 'Old', document: star, attachmentCount: 0 })],
      }),
    },
    {
      name: 'Deny "*:*" is not a grant',
      snapshot: oneAccount({
        users: [
          aUser({
            inlinePolicies: [
              {
                policyName: 'deny',
                document: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] },
              },
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'attached customer policy, AWS managed AdministratorAccess on a group, inline on a user',
      snapshot: oneAccount({
        policies: [aManagedPolicy({ policyName: 'FullAccess', document: star, attachmentCount: 2 })],
        groups: [aGroup({ groupName: 'admins', attachedPolicies: [admin] })],
        users: [aUser({ userName: 'root-like', inlinePolicies: [{ policyName: 'god', document: star }] })],
      }),
      findings: [
        {
          resourceArn: 'arn:aws:iam::111111111111:policy/FullAccess',
          severity: 'high',
          messageId: 'customerPolicy',
          data: { policyName: 'FullAccess', attachmentCount: 2 },
        },
        {
          resourceArn: USER_ARN('root-like'),
          subject: 'god',
          messageId: 'userThroughPolicy',
          data: { name: 'root-like', policyKind: 'inline', policyName: 'god' },
        },
        {
          resourceArn: 'arn:aws:iam::111111111111:group/admins',
          subject: 'AdministratorAccess',
          messageId: 'groupThroughPolicy',
          data: { name: 'admins', policyKind: 'AWS managed', policyName: 'AdministratorAccess' },
        },
      ],
    },
  ],
});
