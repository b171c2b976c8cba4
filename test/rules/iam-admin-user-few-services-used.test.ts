import { aGroup, aPrincipalUsage, aServiceUsage, aUsageSlice, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-admin-user-few-services-used.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

const RECENT = '2026-11-20T00:00:00.000Z';
const ADMIN = { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
const many = (n: number) => Array.from({ length: n }, (_, i) => aServiceUsage(`svc${i}`, RECENT));

ruleTester(rule, {
  unknown: [
    {
      name: 'usage skipped on request',
      snapshot: oneAccount({ users: [aUser()] }),
      reasonIncludes: 'skipped on request',
    },
  ],
  valid: [
    {
      name: 'an administrator who used many services',
      snapshot: oneAccount({
        users: [aUser({ attachedPolicies: [ADMIN] })],
        usage: aUsageSlice([aPrincipalUsage(USER_ARN('alice'), many(6))]),
      }),
    },
    {
      name: 'not an administrator',
      snapshot: oneAccount({
        users: [aUser()],
        usage: aUsageSlice([aPrincipalUsage(USER_ARN('alice'), many(1))]),
      }),
    },
    {
      name: 'a tagged break-glass user is exempt',
      snapshot: oneAccount({
        users: [aUser({ attachedPolicies: [ADMIN], tags: { 'keysweep:break-glass': 'true' } })],
        usage: aUsageSlice([aPrincipalUsage(USER_ARN('alice'), many(1))]),
      }),
    },
  ],
  invalid: [
    {
      name: 'admin through a group, used three services',
      snapshot: oneAccount({
        users: [aUser({ userName: 'dave', groups: ['Admins'] })],
        groups: [aGroup({ groupName: 'Admins', attachedPolicies: [ADMIN] })],
        usage: aUsageSlice([
          aPrincipalUsage(USER_ARN('dave'), [
            aServiceUsage('ec2', RECENT),
            aServiceUsage('iam', RECENT),
            aServiceUsage('s3', RECENT),
            aServiceUsage('rds', null),
          ]),
        ]),
      }),
      findings: [
        {
          resourceArn: USER_ARN('dave'),
          severity: 'medium',
          messageId: 'fewServices',
          data: {
            userName: 'dave',
            usedCount: 3,
            windowDays: 90,
            services: 'ec2, iam, s3',
            evidence: '(evidence: IAM last accessed data, 90-day window)',
          },
        },
      ],
    },
    {
      name: 'an inline "*:*" policy is administrator access too; threshold by option',
      snapshot: oneAccount({
        users: [
          aUser({
            inlinePolicies: [
              {
                policyName: 'all',
                document: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
                },
              },
            ],
          }),
        ],
        usage: aUsageSlice([aPrincipalUsage(USER_ARN('alice'), many(6))]),
      }),
      options: { maxServices: 6 },
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          messageId: 'fewServices',
          data: {
            userName: 'alice',
            usedCount: 6,
            windowDays: 90,
            services: 'svc0, svc1, svc2, svc3, svc4, svc5',
            evidence: '(evidence: IAM last accessed data, 90-day window)',
          },
        },
      ],
    },
  ],
});
