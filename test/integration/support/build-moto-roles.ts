import {
  AttachRolePolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import {
  FAKE_CREDENTIALS,
  iamClientIn,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './build-moto-organization.js';

export const GITHUB = 'token.actions.githubusercontent.com';
export const VENDOR_ACCOUNT = '999999999999';

// moto stores the metadata as given; real IAM would validate it.
const SAML_METADATA = `<?xml version="1.0"?><EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></EntityDescriptor>`;

/**
 * Adds to the moto organization the access paths `keysweep access` and the role rules look for:
 *
 * prod     hub-admin (trusts the dev account: bob's PowerUserAccess lets him assume it),
 *          gha-deploy (GitHub OIDC, audience only: no sub condition), gha-web (sub pinned),
 *          vendor-audit (trusts 999999999999 without sts:ExternalId)
 * sandbox  SAML provider Okta with role okta-admins (AdministratorAccess)
 * management  AWSReservedSSO_AdminAccess_… (Identity Center's own: never reported)
 */
export async function buildMotoRoles(endpoint: string, org: MotoOrganization): Promise<void> {
  const _config = { region: 'us-east-1', endpoint, credentials: FAKE_CREDENTIALS };
  const iamIn = iamClientIn(endpoint, 'build-roles');
  const role = async (
    iam: IAMClient,
    name: string,
    trust: Record<string, unknown>,
    policy: string,
    path = '/',
  ) => {
    await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        Path: path,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', ...trust }],
        }),
      }),
    );
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: name, PolicyArn: `arn:aws:iam::aws:policy/${policy}` }),
    );
  };

  const prod = await iamIn(org.accounts.prod);
  await role(
    prod,
    'hub-admin',
    { Principal: { AWS: `arn:aws:iam::${org.accounts.dev}:root` }, Action: 'sts:AssumeRole' },
    'AdministratorAccess',
  );
  const { OpenIDConnectProviderArn: github } = await prod.send(
    new CreateOpenIDConnectProviderCommand({
      Url: `https://${GITHUB}`,
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    }),
  );
  const webIdentity = (condition: Record<string, string>) => ({
    Principal: { Federated: github },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: condition },
  });
  await role(prod, 'gha-deploy', webIdentity({ [`${GITHUB}:aud`]: 'sts.amazonaws.com' }), 'PowerUserAccess');
  await role(
    prod,
    'gha-web',
    webIdentity({
      [`${GITHUB}:aud`]: 'sts.amazonaws.com',
      [`${GITHUB}:sub`]: 'repo:example-corp/web:ref:refs/heads/main',
    }),
    'ReadOnlyAccess',
  );
  await role(
    prod,
    'vendor-audit',
    { Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
    'SecurityAudit',
  );

  const sandbox = await iamIn(org.accounts.sandbox);
  const { SAMLProviderArn: okta } = await sandbox.send(
    new CreateSAMLProviderCommand({ Name: 'Okta', SAMLMetadataDocument: SAML_METADATA }),
  );
  await role(
    sandbox,
    'okta-admins',
    { Principal: { Federated: okta }, Action: 'sts:AssumeRoleWithSAML' },
    'AdministratorAccess',
  );

  const management = await iamIn(MANAGEMENT_ACCOUNT);
  await role(
    management,
    'AWSReservedSSO_AdminAccess_0123456789abcdef',
    {
      Principal: {
        Federated: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`,
      },
      Action: 'sts:AssumeRoleWithSAML',
    },
    'AdministratorAccess',
    '/aws-reserved/sso.amazonaws.com/',
  );
}
