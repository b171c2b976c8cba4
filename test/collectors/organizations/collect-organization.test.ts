import { IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectCentralizedRootAccess,
  collectOrganization,
} from '../../../src/collectors/organizations/collect-organization.js';
import { selectAccounts } from '../../../src/collectors/select-accounts.js';
import { InputError } from '../../../src/io/input-error.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';
import { mockOrganization } from '../support/organization-mocks.js';

const orgMock = mockClient(OrganizationsClient);
const iamMock = mockClient(IAMClient);
afterEach(() => {
  orgMock.reset();
  iamMock.reset();
});
const client = () => new OrganizationsClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS });

describe('collectOrganization', () => {
  it('lists every account (all pages) with its OU path and the OU tree', async () => {
    mockOrganization(orgMock);
    const inventory = await collectOrganization(client(), { accountId: '000000000000' });
    expect(inventory.organization).toEqual({
      id: 'o-test',
      managementAccountId: '000000000000',
      featureSet: 'ALL',
      organizationalUnits: [
        { id: 'ou-work', name: 'Workloads', parentId: null },
        { id: 'ou-sbx', name: 'Sandbox', parentId: null },
        { id: 'ou-prod', name: 'Prod', parentId: 'ou-work' },
      ],
    });
    expect(inventory.accounts.map((a) => [a.id, a.status, a.ouPath.join('/')])).toEqual([
      ['000000000000', 'ACTIVE', ''],
      ['111111111111', 'ACTIVE', 'Workloads/Prod'],
      ['222222222222', 'SUSPENDED', 'Sandbox'],
      ['333333333333', 'ACTIVE', 'Sandbox'],
    ]);
    expect(inventory.standalone).toBe(false);
  });

  it('treats a caller outside any organization as a standalone account', async () => {
    orgMock.on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException'));
    const inventory = await collectOrganization(client(), { accountId: '444444444444' });
    expect(inventory).toMatchObject({
      standalone: true,
      organization: { id: null, managementAccountId: null, featureSet: 'NONE', organizationalUnits: [] },
      accounts: [{ id: '444444444444', status: 'ACTIVE', ouPath: [] }],
    });
    expect(orgMock.commandCalls(ListAccountsCommand)).toHaveLength(0);
  });

  it('passes AccessDenied on DescribeOrganization through (the scan cannot start)', async () => {
    orgMock.on(DescribeOrganizationCommand).rejects(awsError('AccessDeniedException', 'denied', 403));
    await expect(collectOrganization(client(), { accountId: '444444444444' })).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});

describe('selectAccounts', () => {
  it('scans ACTIVE accounts only and lists filtered ones as skipped with the reason', async () => {
    mockOrganization(orgMock);
    const { accounts } = await collectOrganization(client(), { accountId: '000000000000' });
    const all = selectAccounts(accounts, {
      onlyAccounts: [],
      excludeAccounts: ['333333333333'],
      onlyOus: [],
    });
    expect(all.scanned.map((a) => a.id)).toEqual(['000000000000', '111111111111']);
    expect(all.skipped.map((s) => [s.account.id, s.reason])).toEqual([
      ['222222222222', 'account status is SUSPENDED'],
      ['333333333333', 'excluded by --exclude-accounts'],
    ]);
    const underWorkloads = selectAccounts(accounts, {
      onlyAccounts: [],
      excludeAccounts: [],
      onlyOus: ['ou-work'],
    });
    expect(underWorkloads.scanned.map((a) => a.id)).toEqual(['111111111111']);
    const only = selectAccounts(accounts, {
      onlyAccounts: ['333333333333'],
      excludeAccounts: [],
      onlyOus: [],
    });
    expect(only.scanned.map((a) => a.id)).toEqual(['333333333333']);
  });

  it('rejects filters that name nothing in the organization', async () => {
    mockOrganization(orgMock);
    const { accounts } = await collectOrganization(client(), { accountId: '000000000000' });
    expect(() =>
      selectAccounts(accounts, { onlyAccounts: ['999999999999'], excludeAccounts: [], onlyOus: [] }),
    ).toThrow(InputError);
    expect(() =>
      selectAccounts(accounts, { onlyAccounts: ['12'], excludeAccounts: [], onlyOus: [] }),
    ).toThrow(/12-digit/);
    expect(() =>
      selectAccounts(accounts, { onlyAccounts: [], excludeAccounts: [], onlyOus: ['ou-nope'] }),
    ).toThrow(/--ou/);
  });
});

describe('collectCentralizedRootAccess', () => {
  it('reads the enabled features', async () => {
    iamMock
      .on(ListOrganizationsFeaturesCommand)
      .resolves({ OrganizationId: 'o-test', EnabledFeatures: ['RootCredentialsManagement'] });
    const iam = new IAMClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS });
    expect(await collectCentralizedRootAccess(iam)).toEqual({
      rootCredentialsManagement: true,
      rootSessions: false,
    });
  });
});
