import { anIdentityCenter, aTrustedTokenIssuer } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/sso-trusted-token-issuer.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const withIssuers = (...trustedTokenIssuers: ReturnType<typeof aTrustedTokenIssuer>[]) =>
  oneAccount({}, { identityCenter: anIdentityCenter({ trustedTokenIssuers }) });

ruleTester(rule, {
  valid: [{ name: 'no trusted token issuer', snapshot: withIssuers() }],
  invalid: [
    {
      name: 'an external OIDC issuer',
      snapshot: withIssuers(aTrustedTokenIssuer({ id: 'tti-okta', issuerUrl: 'https://example.okta.com' })),
      findings: [
        {
          resourceArn: aTrustedTokenIssuer({ id: 'tti-okta' }).trustedTokenIssuerArn,
          subject: 'tti-okta',
          severity: 'low',
          messageId: 'trustsIssuer',
          data: {
            issuerUrl: 'https://example.okta.com',
            issuerName: 'tti-okta',
            claim: 'email',
            attribute: 'emails.value',
          },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'the issuer URL was not read',
      snapshot: withIssuers(
        aTrustedTokenIssuer({ issuerUrl: null, unread: ['configuration: AccessDeniedException: no'] }),
      ),
      reasonIncludes: 'the issuer URL of trusted token issuer tti-1 was not read',
    },
  ],
});
