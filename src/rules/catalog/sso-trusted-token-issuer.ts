import { z } from 'zod';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'sso-trusted-token-issuer',
  title: 'Identity Center trusts tokens from an external issuer',
  severity: 'low',
  messages: {
    trustsIssuer:
      'Identity Center accepts tokens from {issuerUrl} (trusted token issuer {issuerName}), matching claim {claim} to {attribute}.',
  },
  scope: 'organization',
  resourceType: 'AWS::SSO::TrustedTokenIssuer',
  requires: ['sso.trustedTokenIssuers'],
  options: z.object({}),
  rationale:
    'A trusted token issuer lets applications exchange tokens from an external OIDC issuer for Identity Center ' +
    'identities (trusted identity propagation): whoever controls that issuer, or the claim it maps, can act ' +
    'as any directory user whose attribute matches. It is a way in that no account assignment shows.',
  remediation: {
    console: [
      'IAM Identity Center → Settings → Authentication → Trusted token issuers: check the issuer URL and the attribute mapping',
      'Delete issuers no application uses any more',
    ],
    cli: ['aws sso-admin describe-trusted-token-issuer --trusted-token-issuer-arn <arn>'],
  },
  migration:
    'List each trusted token issuer with its owner and the applications that use it; keep only issuers your ' +
    'organization operates, mapping a claim users cannot change (e.g. an immutable id, not a display name).',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/using-trusted-token-issuer.html',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/trustedidentitypropagation.html',
  ],
  evaluate({ slice, fail, unknown }) {
    for (const issuer of slice('sso.trustedTokenIssuers')) {
      if (issuer.issuerUrl === null) {
        unknown(
          `the issuer URL of trusted token issuer ${issuer.name} was not read (${issuer.unread.join('; ')})`,
        );
        continue;
      }
      fail(issuer.trustedTokenIssuerArn, {
        subject: issuer.name,
        messageId: 'trustsIssuer',
        data: {
          issuerUrl: issuer.issuerUrl,
          issuerName: issuer.name,
          claim: issuer.claimAttributePath ?? 'unknown',
          attribute: issuer.identityStoreAttributePath ?? 'unknown',
        },
        advice: {
          summary: `Confirm your organization operates ${issuer.issuerUrl} and that the mapped claim cannot be chosen by its users; delete the issuer if no application uses it.`,
          fixNow: {
            console: [],
            cli: [
              `aws sso-admin describe-trusted-token-issuer --trusted-token-issuer-arn ${issuer.trustedTokenIssuerArn}`,
            ],
          },
          migration: {
            kind: 'identity-center-hygiene',
            summary: 'Keep only trusted token issuers your organization operates.',
          },
        },
        details: {
          issuerUrl: issuer.issuerUrl,
          claimAttributePath: issuer.claimAttributePath,
          identityStoreAttributePath: issuer.identityStoreAttributePath,
          type: issuer.type,
        },
      });
    }
  },
});
