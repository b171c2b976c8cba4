import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import {
  DescribeInstanceAccessControlAttributeConfigurationCommand,
  DescribePermissionSetCommand,
  DescribeTrustedTokenIssuerCommand,
  GetApplicationAssignmentConfigurationCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListApplicationAssignmentsCommand,
  ListApplicationsCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand,
  ListTrustedTokenIssuersCommand,
} from '@aws-sdk/client-sso-admin';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { awsError } from './aws-test-doubles.js';

export const INSTANCE = 'arn:aws:sso:::instance/ssoins-test';
export const ADMIN = `${INSTANCE}/ps-admin`;
export const READ = `${INSTANCE}/ps-read`;

/**
 * Two permission sets: Admin (AdministratorAccess, current in 111111111111, outdated in 222222222222) and
 * ReadOnly (current in 111111111111); one identity store user in one group.
 */
export function mockIdentityCenter(
  ssoMock: AwsClientStub<SSOAdminClient>,
  storeMock: AwsClientStub<IdentitystoreClient>,
) {
  ssoMock.on(ListInstancesCommand).resolves({
    Instances: [
      {
        InstanceArn: INSTANCE,
        IdentityStoreId: 'd-test',
        OwnerAccountId: '000000000000',
        Status: 'ACTIVE',
      },
    ],
  });
  ssoMock
    .on(ListPermissionSetsCommand)
    .resolvesOnce({ PermissionSets: [ADMIN], NextToken: 'n' })
    .resolves({ PermissionSets: [READ] });
  ssoMock
    .on(DescribePermissionSetCommand, { PermissionSetArn: ADMIN })
    .resolves({ PermissionSet: { Name: 'Admin', SessionDuration: 'PT12H', Description: 'break glass' } });
  ssoMock.on(DescribePermissionSetCommand, { PermissionSetArn: READ }).resolves({
    PermissionSet: {
      Name: 'ReadOnly',
      SessionDuration: 'PT1H',
      RelayState: 'https://console.aws.amazon.com/cloudwatch/home',
    },
  });
  // Admin's tags come in two pages; ReadOnly has none.
  ssoMock.on(ListTagsForResourceCommand).resolves({ Tags: [] });
  ssoMock
    .on(ListTagsForResourceCommand, { ResourceArn: ADMIN })
    .resolvesOnce({ Tags: [{ Key: 'team', Value: 'platform' }], NextToken: 't' })
    .resolves({ Tags: [{ Key: 'cost-center', Value: '42' }] });
  ssoMock.on(ListManagedPoliciesInPermissionSetCommand).resolves({ AttachedManagedPolicies: [] });
  ssoMock.on(ListManagedPoliciesInPermissionSetCommand, { PermissionSetArn: ADMIN }).resolves({
    AttachedManagedPolicies: [
      { Name: 'AdministratorAccess', Arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ],
  });
  ssoMock
    .on(ListCustomerManagedPolicyReferencesInPermissionSetCommand)
    .resolves({ CustomerManagedPolicyReferences: [] });
  ssoMock
    .on(ListCustomerManagedPolicyReferencesInPermissionSetCommand, { PermissionSetArn: READ })
    .resolves({ CustomerManagedPolicyReferences: [{ Name: 'deny-secrets', Path: '/guard/' }] });
  ssoMock.on(GetInlinePolicyForPermissionSetCommand).resolves({ InlinePolicy: '' });
  ssoMock.on(GetInlinePolicyForPermissionSetCommand, { PermissionSetArn: ADMIN }).resolves({
    InlinePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
    }),
  });
  ssoMock
    .on(GetPermissionsBoundaryForPermissionSetCommand)
    .rejects(awsError('ResourceNotFoundException', 'no boundary', 404));
  ssoMock
    .on(GetPermissionsBoundaryForPermissionSetCommand, { PermissionSetArn: READ })
    .resolves({ PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } });
  // Admin: current in 111, outdated in 222. ReadOnly: current in 111. Nothing anywhere else.
  const provisioned = (arn: string, status: string, ids: string[]) =>
    ssoMock
      .on(ListAccountsForProvisionedPermissionSetCommand, {
        PermissionSetArn: arn,
        ProvisioningStatus: status as never,
      })
      .resolves({ AccountIds: ids });
  provisioned(ADMIN, 'LATEST_PERMISSION_SET_PROVISIONED', ['111111111111']);
  provisioned(ADMIN, 'LATEST_PERMISSION_SET_NOT_PROVISIONED', ['222222222222']);
  provisioned(READ, 'LATEST_PERMISSION_SET_PROVISIONED', ['111111111111']);
  provisioned(READ, 'LATEST_PERMISSION_SET_NOT_PROVISIONED', []);
  ssoMock
    .on(ListAccountAssignmentsCommand)
    .callsFake((input: { AccountId: string; PermissionSetArn: string }) => ({
      AccountAssignments: [
        {
          AccountId: input.AccountId,
          PermissionSetArn: input.PermissionSetArn,
          PrincipalType: 'GROUP',
          PrincipalId: 'g-admins',
        },
      ],
    }));
  storeMock.on(ListUsersCommand).resolves({
    Users: [
      {
        UserId: 'u-bob',
        UserName: 'bob',
        IdentityStoreId: 'd-test',
        DisplayName: 'Bob',
        Emails: [{ Value: 'bob@example.com' }],
      },
    ],
  });
  storeMock
    .on(ListGroupsCommand)
    .resolves({ Groups: [{ GroupId: 'g-admins', DisplayName: 'admins', IdentityStoreId: 'd-test' }] });
  storeMock.on(ListGroupMembershipsCommand).resolves({
    GroupMemberships: [{ IdentityStoreId: 'd-test', GroupId: 'g-admins', MemberId: { UserId: 'u-bob' } }],
  });
  // ABAC and trusted identity propagation: one attribute, one application with a group, one issuer.
  ssoMock.on(DescribeInstanceAccessControlAttributeConfigurationCommand).resolves({
    Status: 'ENABLED',
    InstanceAccessControlAttributeConfiguration: {
      AccessControlAttributes: [{ Key: 'Department', Value: { Source: [`\${path:enterprise.department}`] } }],
    },
  });
  ssoMock.on(ListApplicationsCommand).resolves({
    Applications: [
      { ApplicationArn: `${INSTANCE}/apl-wiki`, Name: 'wiki', ApplicationAccount: '000000000000' },
    ],
  });
  ssoMock.on(GetApplicationAssignmentConfigurationCommand).resolves({ AssignmentRequired: true });
  ssoMock.on(ListApplicationAssignmentsCommand).resolves({
    ApplicationAssignments: [
      { ApplicationArn: `${INSTANCE}/apl-wiki`, PrincipalType: 'GROUP', PrincipalId: 'g-admins' },
    ],
  });
  ssoMock.on(ListTrustedTokenIssuersCommand).resolves({
    TrustedTokenIssuers: [
      { TrustedTokenIssuerArn: `${INSTANCE}/tti-1`, Name: 'okta', TrustedTokenIssuerType: 'OIDC_JWT' },
    ],
  });
  ssoMock.on(DescribeTrustedTokenIssuerCommand).resolves({
    TrustedTokenIssuerConfiguration: {
      OidcJwtConfiguration: {
        IssuerUrl: 'https://example.okta.com',
        ClaimAttributePath: 'email',
        IdentityStoreAttributePath: 'emails.value',
        JwksRetrievalOption: 'OPEN_ID_DISCOVERY',
      },
    },
  });
}
