import {
  GetAccountAuthorizationDetailsCommand,
  GetOpenIDConnectProviderCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError } from '../support/aws-test-doubles.js';
import { collectIamSlice } from '../support/collect-iam-slice.js';
import { ACCOUNT, mockHappyAccount, OIDC_ARN, SAML_ARN } from '../support/iam-mocks.js';

const iamMock = mockClient(IAMClient);
const collect = collectIamSlice;

beforeEach(() => iamMock.reset());
afterEach(() => iamMock.reset());

describe('collectAccountIam: roles and identity providers', () => {
  it('asks for roles in the same authorization-details pages and maps trust policy and RoleLastUsed', async () => {
    mockHappyAccount(iamMock);
    const slice = await collect();
    const calls = iamMock.commandCalls(GetAccountAuthorizationDetailsCommand);
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(call.args[0].input.Filter).toContain('Role');
    expect(calls[1]!.args[0].input.Marker).toBe('page-2');
    if (slice.roles.status !== 'ok') throw new Error(JSON.stringify(slice.roles));
    expect(slice.roles.data).toEqual([
      {
        arn: `arn:aws:iam::${ACCOUNT}:role/github-deploy`,
        roleId: 'AROAGITHUB',
        roleName: 'github-deploy',
        path: '/',
        createDate: '2024-03-01T00:00:00.000Z',
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: OIDC_ARN },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
            },
          ],
        },
        attachedPolicies: [
          { policyName: 'PowerUserAccess', policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
        ],
        inlinePolicies: [],
        permissionsBoundaryArn: null,
        lastUsedDate: '2026-11-20T00:00:00.000Z',
        lastUsedRegion: 'eu-west-1',
        tags: {},
      },
    ]);
  });

  it('lists SAML and OIDC providers, with the OIDC url without scheme and its client ids', async () => {
    mockHappyAccount(iamMock);
    const slice = await collect();
    expect(slice.identityProviders).toEqual({
      status: 'ok',
      data: {
        saml: [{ arn: SAML_ARN, name: 'Okta', createDate: '2023-05-05T00:00:00.000Z', validUntil: null }],
        oidc: [
          {
            arn: OIDC_ARN,
            url: 'token.actions.githubusercontent.com',
            clientIds: ['sts.amazonaws.com'],
            createDate: '2024-01-01T00:00:00.000Z',
          },
        ],
      },
    });
  });

  it('a role without RoleLastUsed or trust document fields: last use null, an empty trust is a failed slice', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GetAccountAuthorizationDetailsCommand).resolves({
      IsTruncated: false,
      RoleDetailList: [{ RoleName: 'old', Arn: `arn:aws:iam::${ACCOUNT}:role/old`, RoleId: 'AROAOLD' }],
    });
    const slice = await collect();
    // A missing trust policy is not "trusts nobody": the roles slice fails, users and groups stay ok.
    expect(slice.roles).toMatchObject({
      status: 'failed',
      error: { message: /GetAccountAuthorizationDetails/ },
    });
    expect(slice.users.status).toBe('ok');
    expect(slice.groups.status).toBe('ok');
  });

  it('no providers at all is an ok, empty slice (and no GetOpenIDConnectProvider call)', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(ListSAMLProvidersCommand).resolves({});
    iamMock.on(ListOpenIDConnectProvidersCommand).resolves({});
    const slice = await collect();
    expect(slice.identityProviders).toEqual({ status: 'ok', data: { saml: [], oidc: [] } });
    expect(iamMock.commandCalls(GetOpenIDConnectProviderCommand)).toHaveLength(0);
  });

  it('AccessDenied on ListSAMLProviders fails the providers slice only', async () => {
    mockHappyAccount(iamMock);
    iamMock
      .on(ListSAMLProvidersCommand)
      .rejects(awsError('AccessDenied', 'not authorized to perform iam:ListSAMLProviders', 403));
    const slice = await collect();
    expect(slice.identityProviders).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
    expect(slice.roles.status).toBe('ok');
    expect(slice.users.status).toBe('ok');
  });

  it('throttling that outlasts the retries on GetOpenIDConnectProvider is a failed slice, never an empty list', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GetOpenIDConnectProviderCommand).rejects(awsError('Throttling', 'Rate exceeded', 400));
    const slice = await collect();
    expect(slice.identityProviders).toMatchObject({ status: 'failed', error: { code: 'Throttling' } });
    expect(slice.roles.status).toBe('ok');
  });

  it('AccessDenied on the authorization details fails roles too', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GetAccountAuthorizationDetailsCommand).rejects(awsError('AccessDenied', 'denied', 403));
    const slice = await collect();
    expect(slice.roles).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
    expect(slice.identityProviders.status).toBe('ok');
  });
});
