import { aPrincipalUsage, aRole, aServiceUsage, aUsageSlice } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-permission-set-idle-in-account.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const SSO = (set: string) =>
  aRole({
    roleName: `AWSReservedSSO_${set}_0123456789abcdef`,
    path: '/aws-reserved/sso.amazonaws.com/eu-west-1/',
  });
const RECENT = '2026-11-20T00:00:00.000Z';

ruleTester(rule, {
  unknown: [
    {
      name: 'usage skipped on request',
      snapshot: oneAccount({ roles: [SSO('Admin')] }),
      reasonIncludes: 'skipped on request',
    },
  ],
  valid: [
    {
      name: 'the set was used in this account',
      snapshot: oneAccount({
        roles: [SSO('Admin')],
        usage: aUsageSlice([
          aPrincipalUsage(SSO('Admin').arn, [aServiceUsage('ec2', RECENT), aServiceUsage('iam', null)]),
        ]),
      }),
    },
    {
      name: 'hand-made roles are not permission sets',
      snapshot: oneAccount({
        roles: [aRole()],
        usage: aUsageSlice([aPrincipalUsage(aRole().arn, [aServiceUsage('ec2', null)])]),
      }),
    },
    {
      name: 'analyzer facts without an UnusedIAMRole finding do not say the role is idle',
      snapshot: oneAccount({
        roles: [SSO('Admin')],
        usage: aUsageSlice([
          aPrincipalUsage(SSO('Admin').arn, [aServiceUsage('iam', null)], {
            source: 'access-analyzer',
            coverage: 'unused-only',
          }),
        ]),
      }),
    },
  ],
  invalid: [
    {
      name: 'nobody used the SecurityAudit set in this account for the window',
      snapshot: oneAccount({
        roles: [SSO('SecurityAudit')],
        usage: aUsageSlice([
          aPrincipalUsage(SSO('SecurityAudit').arn, [aServiceUsage('ec2', '2026-01-01T00:00:00.000Z')]),
        ]),
      }),
      findings: [
        {
          resourceArn: SSO('SecurityAudit').arn,
          subject: 'SecurityAudit',
          messageId: 'idle',
          data: {
            permissionSet: 'SecurityAudit',
            accountId: '111111111111',
            windowDays: 90,
            evidence: '(evidence: IAM last accessed data, 90-day window)',
          },
        },
      ],
    },
    {
      name: 'the analyzer says the role itself went unused',
      snapshot: oneAccount({
        roles: [SSO('Billing')],
        usage: aUsageSlice([
          aPrincipalUsage(SSO('Billing').arn, [], {
            source: 'access-analyzer',
            coverage: 'unused-only',
            principalUnused: true,
          }),
        ]),
      }),
      findings: [
        {
          resourceArn: SSO('Billing').arn,
          subject: 'Billing',
          messageId: 'idle',
          data: {
            permissionSet: 'Billing',
            accountId: '111111111111',
            windowDays: 90,
            evidence: '(evidence: IAM Access Analyzer unused-access findings, 90-day window)',
          },
        },
      ],
    },
  ],
});
