import {
  DescribeInstanceAccessControlAttributeConfigurationCommand,
  DescribeTrustedTokenIssuerCommand,
  GetApplicationAssignmentConfigurationCommand,
  ListApplicationAssignmentsCommand,
  ListApplicationsCommand,
  ListTrustedTokenIssuersCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectAccessControlAttributes,
  collectApplicationSlices,
  collectApplications,
  collectTrustedTokenIssuers,
} from '../../../src/collectors/identity-center/applications.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';

const ssoMock = mockClient(SSOAdminClient);
afterEach(() => ssoMock.reset());
const INSTANCE = 'arn:aws:sso:::instance/ssoins-test';
const client = () => new SSOAdminClient({ region: 'eu-west-1', credentials: CALLER_CREDENTIALS });
const WIKI = 'arn:aws:sso::111111111111:application/ssoins-test/apl-wiki';
const OPEN = 'arn:aws:sso::111111111111:application/ssoins-test/apl-open';

describe('access-control attributes (ABAC)', () => {
  it('maps each attribute with its sources and the configuration status', async () => {
    ssoMock.on(DescribeInstanceAccessControlAttributeConfigurationCommand).resolves({
      Status: 'ENABLED',
      InstanceAccessControlAttributeConfiguration: {
        AccessControlAttributes: [
          { Key: 'Department', Value: { Source: [`\${path:enterprise.department}`] } },
          { Key: undefined, Value: { Source: [] } },
        ],
      },
    });
    expect(await collectAccessControlAttributes(client(), INSTANCE)).toEqual({
      status: 'ok',
      data: {
        status: 'ENABLED',
        statusReason: null,
        attributes: [{ key: 'Department', sources: [`\${path:enterprise.department}`] }],
      },
    });
  });

  it('ResourceNotFound: ABAC is not configured (a fact, data null)', async () => {
    ssoMock
      .on(DescribeInstanceAccessControlAttributeConfigurationCommand)
      .rejects(awsError('ResourceNotFoundException', 'no configuration', 400));
    expect(await collectAccessControlAttributes(client(), INSTANCE)).toEqual({ status: 'ok', data: null });
  });

  it('AccessDenied and throttling that outlasts the retries fail the slice', async () => {
    ssoMock
      .on(DescribeInstanceAccessControlAttributeConfigurationCommand)
      .rejects(awsError('AccessDeniedException', 'denied', 400));
    expect(await collectAccessControlAttributes(client(), INSTANCE)).toMatchObject({
      status: 'failed',
      error: { code: 'AccessDeniedException' },
    });
    ssoMock.reset();
    ssoMock
      .on(DescribeInstanceAccessControlAttributeConfigurationCommand)
      .rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    expect(await collectAccessControlAttributes(client(), INSTANCE)).toMatchObject({
      status: 'failed',
      error: { code: 'ThrottlingException' },
    });
  });
});

describe('applications and their assignments', () => {
  it('lists applications across pages with assignment configuration and assignments across pages', async () => {
    ssoMock
      .on(ListApplicationsCommand)
      .resolvesOnce({
        Applications: [
          {
            ApplicationArn: WIKI,
            Name: 'wiki',
            ApplicationAccount: '111111111111',
            Status: 'ENABLED',
            PortalOptions: { Visibility: 'ENABLED' },
          },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({ Applications: [{ ApplicationArn: OPEN, Name: 'open' }, { Name: 'no arn' }] });
    ssoMock.on(GetApplicationAssignmentConfigurationCommand, { ApplicationArn: WIKI }).resolves({
      AssignmentRequired: true,
    });
    ssoMock.on(GetApplicationAssignmentConfigurationCommand, { ApplicationArn: OPEN }).resolves({
      AssignmentRequired: false,
    });
    ssoMock
      .on(ListApplicationAssignmentsCommand, { ApplicationArn: WIKI })
      .resolvesOnce({
        ApplicationAssignments: [{ ApplicationArn: WIKI, PrincipalType: 'GROUP', PrincipalId: 'g-dev' }],
        NextToken: 'a',
      })
      .resolvesOnce({
        ApplicationAssignments: [{ ApplicationArn: WIKI, PrincipalType: 'USER', PrincipalId: 'u-1' }],
      });
    ssoMock.on(ListApplicationAssignmentsCommand, { ApplicationArn: OPEN }).resolves({});
    const slice = await collectApplications(client(), INSTANCE);
    expect(slice).toEqual({
      status: 'ok',
      data: [
        {
          applicationArn: WIKI,
          name: 'wiki',
          applicationAccount: '111111111111',
          applicationProviderArn: null,
          status: 'ENABLED',
          visibility: 'ENABLED',
          assignmentRequired: true,
          assignments: [
            { principalType: 'GROUP', principalId: 'g-dev' },
            { principalType: 'USER', principalId: 'u-1' },
          ],
          unread: [],
        },
        {
          applicationArn: OPEN,
          name: 'open',
          applicationAccount: null,
          applicationProviderArn: null,
          status: null,
          visibility: null,
          assignmentRequired: false,
          assignments: [],
          unread: [],
        },
      ],
    });
    expect(ssoMock.commandCalls(ListApplicationsCommand)).toHaveLength(2);
    expect(ssoMock.commandCalls(ListApplicationAssignmentsCommand)).toHaveLength(3);
  });

  it('one application whose reads fail: listed, its unknowns null with the reason, never "no one assigned"', async () => {
    ssoMock.on(ListApplicationsCommand).resolves({ Applications: [{ ApplicationArn: WIKI, Name: 'wiki' }] });
    ssoMock
      .on(GetApplicationAssignmentConfigurationCommand)
      .rejects(awsError('AccessDeniedException', 'no GetApplicationAssignmentConfiguration', 400));
    ssoMock
      .on(ListApplicationAssignmentsCommand)
      .rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    const slice = await collectApplications(client(), INSTANCE);
    expect(slice.status).toBe('ok');
    const [app] = slice.status === 'ok' ? slice.data : [];
    expect(app).toMatchObject({ assignmentRequired: null, assignments: null });
    expect(app?.unread).toEqual([
      'assignment configuration: AccessDeniedException: no GetApplicationAssignmentConfiguration',
      'assignments: ThrottlingException: Rate exceeded',
    ]);
  });

  it('an answer without AssignmentRequired is unknown, not assumed', async () => {
    ssoMock.on(ListApplicationsCommand).resolves({ Applications: [{ ApplicationArn: WIKI }] });
    ssoMock.on(GetApplicationAssignmentConfigurationCommand).resolves({});
    ssoMock.on(ListApplicationAssignmentsCommand).resolves({ ApplicationAssignments: [] });
    const slice = await collectApplications(client(), INSTANCE);
    expect(slice.status === 'ok' && slice.data[0]).toMatchObject({
      name: WIKI,
      assignmentRequired: null,
      assignments: [],
    });
  });

  it('ListApplications denied fails the slice; an endpoint without it leaves the slice not collected', async () => {
    ssoMock.on(ListApplicationsCommand).rejects(awsError('AccessDeniedException', 'denied', 400));
    expect(await collectApplications(client(), INSTANCE)).toMatchObject({
      status: 'failed',
      error: { code: 'AccessDeniedException', message: 'ListApplications: denied' },
    });
    ssoMock.reset();
    ssoMock
      .on(ListApplicationsCommand)
      .rejects(awsError('InternalFailure', 'The action ListApplications is not implemented', 500));
    const slice = await collectApplications(client(), INSTANCE);
    expect(slice.status).toBe('not_collected');
    expect(slice.status === 'not_collected' && slice.reason).toContain('ListApplications is not available');
  });
});

describe('trusted token issuers', () => {
  const TTI = 'arn:aws:sso::111111111111:trustedTokenIssuer/ssoins-test/tti-1';
  const TTI2 = 'arn:aws:sso::111111111111:trustedTokenIssuer/ssoins-test/tti-2';

  it('lists issuers across pages and reads each one’s issuer URL; a failed describe is unread', async () => {
    ssoMock
      .on(ListTrustedTokenIssuersCommand)
      .resolvesOnce({
        TrustedTokenIssuers: [
          { TrustedTokenIssuerArn: TTI, Name: 'okta', TrustedTokenIssuerType: 'OIDC_JWT' },
        ],
        NextToken: 't',
      })
      .resolvesOnce({ TrustedTokenIssuers: [{ TrustedTokenIssuerArn: TTI2, Name: 'entra' }] });
    ssoMock.on(DescribeTrustedTokenIssuerCommand, { TrustedTokenIssuerArn: TTI }).resolves({
      TrustedTokenIssuerConfiguration: {
        OidcJwtConfiguration: {
          IssuerUrl: 'https://example.okta.com',
          ClaimAttributePath: 'email',
          IdentityStoreAttributePath: 'emails.value',
          JwksRetrievalOption: 'OPEN_ID_DISCOVERY',
        },
      },
    });
    ssoMock
      .on(DescribeTrustedTokenIssuerCommand, { TrustedTokenIssuerArn: TTI2 })
      .rejects(awsError('AccessDeniedException', 'denied', 400));
    expect(await collectTrustedTokenIssuers(client(), INSTANCE)).toEqual({
      status: 'ok',
      data: [
        {
          trustedTokenIssuerArn: TTI,
          name: 'okta',
          type: 'OIDC_JWT',
          issuerUrl: 'https://example.okta.com',
          claimAttributePath: 'email',
          identityStoreAttributePath: 'emails.value',
          unread: [],
        },
        {
          trustedTokenIssuerArn: TTI2,
          name: 'entra',
          type: null,
          issuerUrl: null,
          claimAttributePath: null,
          identityStoreAttributePath: null,
          unread: ['configuration: AccessDeniedException: denied'],
        },
      ],
    });
  });

  it('throttling on the listing fails the slice', async () => {
    ssoMock.on(ListTrustedTokenIssuersCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    expect(await collectTrustedTokenIssuers(client(), INSTANCE)).toMatchObject({
      status: 'failed',
      error: { code: 'ThrottlingException' },
    });
  });
});

describe('collectApplicationSlices', () => {
  it('each slice fails on its own: an emulator gap in one leaves the others ok', async () => {
    ssoMock
      .on(DescribeInstanceAccessControlAttributeConfigurationCommand)
      .rejects(awsError('UnknownOperationException', 'Unknown operation', 400));
    ssoMock.on(ListApplicationsCommand).resolves({ Applications: [] });
    ssoMock.on(ListTrustedTokenIssuersCommand).rejects(awsError('AccessDeniedException', 'denied', 400));
    const slices = await collectApplicationSlices(client(), INSTANCE);
    expect(slices.accessControlAttributes.status).toBe('not_collected');
    expect(slices.applications).toEqual({ status: 'ok', data: [] });
    expect(slices.trustedTokenIssuers.status).toBe('failed');
  });
});
