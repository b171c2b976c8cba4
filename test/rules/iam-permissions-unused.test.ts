import { aPrincipalUsage, aRole, aServiceUsage, aUsageSlice, aUser } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-permissions-unused.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, USER_ARN } from './support/snapshots.js';

// FIXED_NOW is 2026-12-01; the default window (90 days) starts 2026-09-02.
const RECENT = '2026-11-20T00:00:00.000Z';
const OLD = '2026-05-01T00:00:00.000Z';
const ROLE_ARN = 'arn:aws:iam::111111111111:role/app-role';
const SSO_ROLE = aRole({
  roleName: 'AWSReservedSSO_Admin_0123456789abcdef',
  path: '/aws-reserved/sso.amazonaws.com/',
});

ruleTester(rule, {
  unknown: [
    {
      name: 'usage skipped on request (--no-usage): not evaluated, never passed',
      snapshot: oneAccount({ users: [aUser()] }),
      reasonIncludes: 'skipped on request',
    },
  ],
  valid: [
    {
      name: 'every held service used in the window',
      snapshot: oneAccount({
        users: [aUser()],
        usage: aUsageSlice([
          aPrincipalUsage(USER_ARN('alice'), [aServiceUsage('s3', RECENT), aServiceUsage('ec2', RECENT)]),
        ]),
      }),
    },
    {
      name: 'a failed job says nothing (no finding, no pass claimed for the principal)',
      snapshot: oneAccount({
        users: [aUser()],
        usage: aUsageSlice([
          {
            arn: USER_ARN('alice'),
            principalType: 'user',
            status: 'failed',
            error: { code: 'JobTimeout', message: 'x' },
          },
        ]),
      }),
    },
    {
      name: 'a user younger than the window is not judged yet',
      snapshot: oneAccount({
        users: [aUser({ createDate: '2026-11-01T00:00:00.000Z' })],
        usage: aUsageSlice([aPrincipalUsage(USER_ARN('alice'), [aServiceUsage('dynamodb', null)])]),
      }),
    },
    {
      name: 'Identity Center roles are left to sso-permission-set-idle-in-account',
      snapshot: oneAccount({
        roles: [SSO_ROLE],
        usage: aUsageSlice([aPrincipalUsage(SSO_ROLE.arn, [aServiceUsage('dynamodb', null)])]),
      }),
    },
    {
      name: 'threshold raised by option',
      snapshot: oneAccount({
        users: [aUser()],
        usage: aUsageSlice([
          aPrincipalUsage(USER_ARN('alice'), [aServiceUsage('s3', RECENT), aServiceUsage('sqs', null)]),
        ]),
      }),
      options: { minUnusedServices: 2 },
    },
  ],
  invalid: [
    {
      name: 'a person who used 1 of 3 held services, one used only before the window',
      snapshot: oneAccount({
        users: [aUser()],
        usage: aUsageSlice([
          aPrincipalUsage(USER_ARN('alice'), [
            aServiceUsage('s3', RECENT),
            aServiceUsage('ec2', OLD),
            aServiceUsage('dynamodb', null),
          ]),
        ]),
      }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          severity: 'low',
          messageId: 'unusedOfGranted',
          data: {
            kind: 'IAM user',
            name: 'alice',
            grantedCount: 3,
            usedCount: 1,
            usedServices: 's3',
            unusedCount: 2,
            windowDays: 90,
            unusedServices: 'ec2, dynamodb',
            evidence: '(evidence: IAM last accessed data, 90-day window)',
          },
        },
      ],
    },
    {
      name: 'a workload role using one service; the window comes from the evidence (30 days)',
      snapshot: oneAccount({
        roles: [aRole()],
        usage: aUsageSlice(
          [
            aPrincipalUsage(ROLE_ARN, [
              aServiceUsage('s3', RECENT),
              aServiceUsage('ec2', '2026-10-01T00:00:00.000Z'),
            ]),
          ],
          30,
        ),
      }),
      findings: [
        {
          resourceArn: ROLE_ARN,
          messageId: 'unusedOfGranted',
          data: {
            kind: 'Role',
            name: 'app-role',
            grantedCount: 2,
            usedCount: 1,
            usedServices: 's3',
            unusedCount: 1,
            windowDays: 30,
            unusedServices: 'ec2',
            evidence: '(evidence: IAM last accessed data, 30-day window)',
          },
        },
      ],
    },
    {
      name: 'analyzer facts: what it names unused, with its source',
      snapshot: oneAccount({
        users: [aUser()],
        usage: aUsageSlice([
          aPrincipalUsage(USER_ARN('alice'), [aServiceUsage('dynamodb', null)], {
            source: 'access-analyzer',
            coverage: 'unused-only',
          }),
        ]),
      }),
      findings: [
        {
          resourceArn: USER_ARN('alice'),
          messageId: 'unused',
          data: {
            kind: 'IAM user',
            name: 'alice',
            unusedCount: 1,
            windowDays: 90,
            unusedServices: 'dynamodb',
            evidence: '(evidence: IAM Access Analyzer unused-access findings, 90-day window)',
          },
        },
      ],
    },
  ],
});
