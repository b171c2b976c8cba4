import { describe, expect, it } from 'vitest';
import { aRole, aSamlProvider, aTrustPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-saml-direct-federation.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW, ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const okta = aSamlProvider('Okta');
const samlRole = (roleName: string) =>
  aRole({ roleName, trustPolicy: aTrustPolicy({ Federated: okta.arn }, 'sts:AssumeRoleWithSAML') });
const federated = oneAccount({
  roles: [samlRole('okta-admins'), samlRole('okta-readonly'), aRole({ roleName: 'ec2-app' })],
  identityProviders: { saml: [okta], oidc: [] },
});

ruleTester(rule, {
  valid: [
    { name: 'no SAML provider', snapshot: oneAccount({ roles: [samlRole('orphan')] }) },
    {
      name: 'the provider Identity Center creates, with its AWSReservedSSO_ roles',
      snapshot: oneAccount({
        roles: [
          aRole({
            roleName: 'AWSReservedSSO_ReadOnly_0a1b2c3d4e5f6a7b',
            path: '/aws-reserved/sso.amazonaws.com/',
            trustPolicy: aTrustPolicy(
              { Federated: aSamlProvider('AWSSSO_0a1b2c3d4e5f6a7b_DO_NOT_DELETE').arn },
              'sts:AssumeRoleWithSAML',
            ),
          }),
        ],
        identityProviders: { saml: [aSamlProvider('AWSSSO_0a1b2c3d4e5f6a7b_DO_NOT_DELETE')], oidc: [] },
      }),
    },
  ],
  invalid: [
    {
      name: 'SAML provider with two roles',
      snapshot: federated,
      findings: [
        {
          resourceArn: okta.arn,
          severity: 'medium',
          messageId: 'federatesIntoIam',
          data: { providerName: 'Okta', roleCount: 2, roles: 'okta-admins, okta-readonly' },
        },
      ],
    },
    {
      name: 'SAML provider no role trusts',
      snapshot: oneAccount({ identityProviders: { saml: [okta], oidc: [] } }),
      findings: [
        { resourceArn: okta.arn, severity: 'low', messageId: 'leftover', data: { providerName: 'Okta' } },
      ],
    },
  ],
});

describe('iam-saml-direct-federation advice', () => {
  it('names the roles that become permission sets', () => {
    const [finding] = evaluate(federated, { rules: [rule], now: FIXED_NOW }).findings;
    expect(finding?.advice.migration?.summary).toContain(
      'okta-admins → permission set okta-admins; okta-readonly → permission set okta-readonly',
    );
    expect(finding?.advice.migration?.steps).toContain(
      'Create permission set okta-admins with the policies of role okta-admins',
    );
  });
});
