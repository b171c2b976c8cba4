import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetOpenIDConnectProviderCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  ListServiceSpecificCredentialsCommand,
  ListSSHPublicKeysCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { awsError, credentialReportCsv } from './aws-test-doubles.js';

export const ACCOUNT = '111111111111';
export const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;

const adminPolicy = encodeURIComponent(
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
);

export const OIDC_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
export const SAML_ARN = `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`;
const githubTrust = encodeURIComponent(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: OIDC_ARN },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
      },
    ],
  }),
);

/**
 * Account 111111111111: root with an active key and hardware MFA; alice (console, virtual MFA, group
 * Admins), deploy-bot (one active and one inactive key), carol (console, MFA active but not virtual);
 * authorization details in two pages (role github-deploy on the second, trusting GitHub's OIDC provider);
 * one SAML provider (Okta) and one OIDC provider; no password policy; the report in progress on the first read;
 * deploy-bot also holds an SSH key (CodeCommit) and a Bedrock API key, and a signing certificate in the report.
 */
export function mockHappyAccount(iamMock: AwsClientStub<IAMClient>) {
  iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
  iamMock
    .on(GetCredentialReportCommand)
    .rejectsOnce(awsError('ReportInProgress'))
    .resolves({
      ReportFormat: 'text/csv',
      Content: credentialReportCsv([
        {
          user: '<root_account>',
          arn: `arn:aws:iam::${ACCOUNT}:root`,
          password_enabled: 'not_supported',
          mfa_active: 'true',
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2021-01-01T00:00:00+00:00',
          access_key_1_last_used_date: '2026-11-20T00:00:00+00:00',
          access_key_1_last_used_service: 'iam',
        },
        {
          user: 'alice',
          password_enabled: 'true',
          password_last_used: '2026-11-01T00:00:00+00:00',
          mfa_active: 'true',
        },
        {
          user: 'deploy-bot',
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2024-02-02T00:00:00+00:00',
          access_key_1_last_used_date: '2026-11-23T00:00:00+00:00',
          access_key_1_last_used_region: 'eu-west-1',
          access_key_1_last_used_service: 's3',
          access_key_2_active: 'false',
          access_key_2_last_rotated: '2025-03-03T00:00:00+00:00',
          cert_1_active: 'true',
          cert_1_last_rotated: '2024-05-05T00:00:00+00:00',
        },
        { user: 'carol', password_enabled: 'true', mfa_active: 'true' },
      ]),
    });
  iamMock
    .on(GetAccountSummaryCommand)
    .resolves({ SummaryMap: { Users: 3, AccountMFAEnabled: 1, AccountAccessKeysPresent: 1 } });
  // Two pages: the paginator must follow the marker.
  iamMock
    .on(GetAccountAuthorizationDetailsCommand)
    .resolvesOnce({
      IsTruncated: true,
      Marker: 'page-2',
      UserDetailList: [
        {
          UserName: 'alice',
          UserId: 'AIDAALICE',
          Arn: arn('alice'),
          Path: '/',
          CreateDate: new Date('2023-01-01T00:00:00Z'),
          GroupList: ['Admins'],
          Tags: [{ Key: 'team', Value: 'platform' }],
        },
      ],
      GroupDetailList: [
        {
          GroupName: 'Admins',
          GroupId: 'AGPAADMINS',
          Arn: `arn:aws:iam::${ACCOUNT}:group/Admins`,
          Path: '/',
          CreateDate: new Date('2022-01-01T00:00:00Z'),
          AttachedManagedPolicies: [
            { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
          ],
          GroupPolicyList: [{ PolicyName: 'all', PolicyDocument: adminPolicy }],
        },
      ],
    })
    .resolves({
      IsTruncated: false,
      UserDetailList: [
        {
          UserName: 'deploy-bot',
          UserId: 'AIDABOT',
          Arn: arn('deploy-bot'),
          Path: '/ci/',
          CreateDate: new Date('2024-02-01T00:00:00Z'),
        },
        {
          UserName: 'carol',
          UserId: 'AIDACAROL',
          Arn: arn('carol'),
          Path: '/',
          CreateDate: new Date('2024-02-01T00:00:00Z'),
        },
      ],
      RoleDetailList: [
        {
          RoleName: 'github-deploy',
          RoleId: 'AROAGITHUB',
          Arn: `arn:aws:iam::${ACCOUNT}:role/github-deploy`,
          Path: '/',
          CreateDate: new Date('2024-03-01T00:00:00Z'),
          AssumeRolePolicyDocument: githubTrust,
          AttachedManagedPolicies: [
            { PolicyName: 'PowerUserAccess', PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
          ],
          RoleLastUsed: { LastUsedDate: new Date('2026-11-20T00:00:00Z'), Region: 'eu-west-1' },
        },
      ],
      Policies: [
        {
          PolicyName: 'deploy',
          Arn: `arn:aws:iam::${ACCOUNT}:policy/deploy`,
          AttachmentCount: 1,
          DefaultVersionId: 'v2',
          PolicyVersionList: [
            { VersionId: 'v1', IsDefaultVersion: false, Document: adminPolicy },
            { VersionId: 'v2', IsDefaultVersion: true, Document: adminPolicy },
          ],
        },
      ],
    });
  iamMock.on(ListVirtualMFADevicesCommand).resolves({
    VirtualMFADevices: [
      {
        SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`,
        User: {
          Arn: arn('alice'),
          UserName: 'alice',
          UserId: 'AIDAALICE',
          Path: '/',
          CreateDate: new Date(),
        },
        EnableDate: new Date('2023-02-02T00:00:00Z'),
      },
    ],
  });
  iamMock
    .on(GetAccountPasswordPolicyCommand)
    .rejects(awsError('NoSuchEntityException', 'The Password Policy cannot be found.', 404));
  iamMock.on(ListSAMLProvidersCommand).resolves({
    SAMLProviderList: [{ Arn: SAML_ARN, CreateDate: new Date('2023-05-05T00:00:00Z') }],
  });
  iamMock.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [{ Arn: OIDC_ARN }] });
  iamMock.on(GetOpenIDConnectProviderCommand, { OpenIDConnectProviderArn: OIDC_ARN }).resolves({
    Url: 'https://token.actions.githubusercontent.com',
    ClientIDList: ['sts.amazonaws.com'],
    CreateDate: new Date('2024-01-01T00:00:00Z'),
  });
  iamMock.on(ListAccessKeysCommand, { UserName: 'deploy-bot' }).resolves({
    AccessKeyMetadata: [
      { AccessKeyId: 'AKIABOTKEY2', Status: 'Inactive', CreateDate: new Date('2025-03-03T00:00:00Z') },
      { AccessKeyId: 'AKIABOTKEY1', Status: 'Active', CreateDate: new Date('2024-02-02T00:00:00Z') },
    ],
  });
  iamMock.on(ListSSHPublicKeysCommand).resolves({ SSHPublicKeys: [] });
  iamMock.on(ListSSHPublicKeysCommand, { UserName: 'deploy-bot' }).resolves({
    SSHPublicKeys: [
      {
        UserName: 'deploy-bot',
        SSHPublicKeyId: 'APKABOTSSH',
        Status: 'Active',
        UploadDate: new Date('2024-06-06T00:00:00Z'),
      },
    ],
  });
  iamMock.on(ListServiceSpecificCredentialsCommand).resolves({ ServiceSpecificCredentials: [] });
  iamMock.on(ListServiceSpecificCredentialsCommand, { UserName: 'deploy-bot' }).resolves({
    ServiceSpecificCredentials: [
      {
        UserName: 'deploy-bot',
        Status: 'Active',
        ServiceName: 'bedrock.amazonaws.com',
        ServiceSpecificCredentialId: 'ACCABEDROCK',
        CreateDate: new Date('2025-07-07T00:00:00Z'),
      },
    ],
  });
}
