import { aRole, aTrustPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-role-external-trust-without-external-id.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount, twoAccounts } from './support/snapshots.js';

const VENDOR = '999999999999';
const trusting = (roleName: string, principal: string, condition?: Record<string, Record<string, string>>) =>
  aRole({ roleName, trustPolicy: aTrustPolicy({ AWS: principal }, 'sts:AssumeRole', condition) });
const ROLE_ARN = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

ruleTester(rule, {
  valid: [
    {
      name: 'trusts another account of the organization',
      snapshot: twoAccounts({ roles: [trusting('from-hub', 'arn:aws:iam::222222222222:root')] }),
    },
    {
      name: 'vendor with an external id',
      snapshot: oneAccount({
        roles: [
          trusting('vendor', `arn:aws:iam::${VENDOR}:root`, { StringEquals: { 'sts:ExternalId': 'x1' } }),
        ],
      }),
    },
    {
      name: 'vendor listed as accepted in the options',
      snapshot: oneAccount({ roles: [trusting('vendor', VENDOR)] }),
      options: { trustedAccountIds: [VENDOR] },
    },
    {
      name: 'Identity Center roles are not hand-made',
      snapshot: oneAccount({
        roles: [
          aRole({
            roleName: 'AWSReservedSSO_Admin_0123456789abcdef',
            path: '/aws-reserved/sso.amazonaws.com/',
            trustPolicy: aTrustPolicy({ AWS: `arn:aws:iam::${VENDOR}:root` }),
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'vendor account without an external id',
      snapshot: oneAccount({ roles: [trusting('vendor-audit', `arn:aws:iam::${VENDOR}:root`)] }),
      findings: [
        {
          resourceArn: ROLE_ARN('vendor-audit'),
          subject: VENDOR,
          severity: 'high',
          messageId: 'outsideAccount',
          data: { roleName: 'vendor-audit', accountId: '999999999999' },
        },
      ],
    },
    {
      name: 'anyone: "*" without conditions',
      snapshot: oneAccount({ roles: [trusting('open', '*')] }),
      findings: [
        {
          resourceArn: ROLE_ARN('open'),
          subject: '*',
          severity: 'critical',
          messageId: 'anyAccount',
          data: { roleName: 'open' },
        },
      ],
    },
  ],
});
