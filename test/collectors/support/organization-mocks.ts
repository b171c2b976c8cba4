import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import type { AwsClientStub } from 'aws-sdk-client-mock';

/** A four-account organization: management at the root, prod under Workloads/Prod, a suspended and a sandbox account. */
export function mockOrganization(orgMock: AwsClientStub<OrganizationsClient>) {
  orgMock.on(DescribeOrganizationCommand).resolves({
    Organization: { Id: 'o-test', MasterAccountId: '000000000000', FeatureSet: 'ALL' },
  });
  orgMock
    .on(ListAccountsCommand)
    .resolvesOnce({
      NextToken: 'next',
      Accounts: [
        { Id: '000000000000', Name: 'management', Email: 'm@example.com', Status: 'ACTIVE' },
        { Id: '111111111111', Name: 'prod', Email: 'p@example.com', State: 'ACTIVE' },
      ],
    })
    .resolves({
      Accounts: [
        { Id: '222222222222', Name: 'old', Email: 'o@example.com', Status: 'SUSPENDED' },
        { Id: '333333333333', Name: 'sandbox', Email: 's@example.com', Status: 'ACTIVE' },
      ],
    });
  orgMock.on(ListRootsCommand).resolves({ Roots: [{ Id: 'r-root', Name: 'Root' }] });
  // Generic answers first: aws-sdk-client-mock lets a later generic stub override specific ones.
  orgMock.on(ListOrganizationalUnitsForParentCommand).resolves({ OrganizationalUnits: [] });
  orgMock.on(ListOrganizationalUnitsForParentCommand, { ParentId: 'r-root' }).resolves({
    OrganizationalUnits: [
      { Id: 'ou-work', Name: 'Workloads' },
      { Id: 'ou-sbx', Name: 'Sandbox' },
    ],
  });
  orgMock.on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-work' }).resolves({
    OrganizationalUnits: [{ Id: 'ou-prod', Name: 'Prod' }],
  });
  orgMock.on(ListAccountsForParentCommand).resolves({ Accounts: [] });
  orgMock
    .on(ListAccountsForParentCommand, { ParentId: 'r-root' })
    .resolves({ Accounts: [{ Id: '000000000000' }] });
  orgMock
    .on(ListAccountsForParentCommand, { ParentId: 'ou-prod' })
    .resolves({ Accounts: [{ Id: '111111111111' }] });
  orgMock
    .on(ListAccountsForParentCommand, { ParentId: 'ou-sbx' })
    .resolves({ Accounts: [{ Id: '222222222222' }, { Id: '333333333333' }] });
}
