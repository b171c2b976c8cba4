import {
  GetOpenIDConnectProviderCommand,
  type IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
} from '@aws-sdk/client-iam';
import pLimit from 'p-limit';
import type { IdentityProviders, OidcProvider } from '../../inventory/iam-roles-schema.js';
import { isoOf } from './map-authorization-details.js';

/**
 * SAML and OIDC identity providers of one account: two list calls (neither paginates) plus one
 * GetOpenIDConnectProvider per OIDC provider, for its client ids (the list call returns ARNs only).
 */
export async function readIdentityProviders(iam: IAMClient): Promise<IdentityProviders> {
  const [saml, oidcList] = await Promise.all([
    iam.send(new ListSAMLProvidersCommand({})),
    iam.send(new ListOpenIDConnectProvidersCommand({})),
  ]);
  const limit = pLimit(4);
  const oidc = await Promise.all(
    (oidcList.OpenIDConnectProviderList ?? []).map((entry) =>
      limit(async (): Promise<OidcProvider> => {
        const arn = entry.Arn ?? '';
        const detail = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
        return {
          arn,
          url: stripScheme(detail.Url ?? urlFromArn(arn)),
          clientIds: [...(detail.ClientIDList ?? [])],
          createDate: isoOf(detail.CreateDate),
        };
      }),
    ),
  );
  return {
    saml: (saml.SAMLProviderList ?? []).map((provider) => ({
      arn: provider.Arn ?? '',
      name: (provider.Arn ?? '').split(':saml-provider/').pop() ?? '',
      createDate: isoOf(provider.CreateDate),
      validUntil: isoOf(provider.ValidUntil),
    })),
    oidc: oidc.sort((a, b) => a.arn.localeCompare(b.arn)),
  };
}

// Trust policies and condition keys use the issuer without https://, as the provider ARN does.
function stripScheme(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

function urlFromArn(arn: string): string {
  return arn.split(':oidc-provider/').pop() ?? '';
}
