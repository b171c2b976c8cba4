import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectAccountIam } from '../../../src/collectors/iam/collect-account-iam.js';
import { UNLISTED_MFA_SERIAL } from '../../../src/collectors/iam/map-users.js';
import { iamSliceSchema } from '../../../src/inventory/slice-group-schemas.js';
import {
  awsError,
  CALLER_CREDENTIALS,
  credentialReportCsv,
  instantPolling,
} from '../support/aws-test-doubles.js';
import { ACCOUNT, arn, mockHappyAccount } from '../support/iam-mocks.js';

const iamMock = mockClient(IAMClient);
const collect = () =>
  collectAccountIam({
    iam: new IAMClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS }),
    accountId: ACCOUNT,
    partition: 'aws',
    polling: instantPolling(),
  });

beforeEach(() => iamMock.reset());
afterEach(() => iamMock.reset());

describe('collectAccountIam', () => {
  it('maps users, keys (last use from the report slot), MFA, groups, policies and root', async () => {
    mockHappyAccount(iamMock);
    const slice = iamSliceSchema.omit({ usage: true, identityCenterInstances: true }).parse(await collect());
    if (slice.users.status !== 'ok') throw new Error(JSON.stringify(slice.users));
    const users = Object.fromEntries(slice.users.data.map((u) => [u.userName, u]));
    expect(users.alice).toMatchObject({
      passwordEnabled: true,
      passwordLastUsed: '2026-11-01T00:00:00.000Z',
      groups: ['Admins'],
      tags: { team: 'platform' },
      accessKeys: [],
      mfaDevices: [
        {
          kind: 'virtual',
          serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`,
          enableDate: '2023-02-02T00:00:00.000Z',
        },
      ],
    });
    expect(users['deploy-bot']?.accessKeys).toEqual([
      {
        accessKeyId: 'AKIABOTKEY1',
        status: 'Active',
        createDate: '2024-02-02T00:00:00.000Z',
        lastUsedDate: '2026-11-23T00:00:00.000Z',
        lastUsedService: 's3',
        lastUsedRegion: 'eu-west-1',
      },
      {
        accessKeyId: 'AKIABOTKEY2',
        status: 'Inactive',
        createDate: '2025-03-03T00:00:00.000Z',
        lastUsedDate: null,
        lastUsedService: null,
        lastUsedRegion: null,
      },
    ]);
    // MFA active without a virtual device of hers: a device we cannot name, never "no MFA".
    expect(users.carol?.mfaDevices).toEqual([
      { serialNumber: UNLISTED_MFA_SERIAL, kind: 'unknown', enableDate: null },
    ]);
    expect(slice.groups).toMatchObject({
      status: 'ok',
      data: [{ groupName: 'Admins', inlinePolicies: [{ policyName: 'all' }] }],
    });
    expect(
      slice.policies.status === 'ok' &&
        slice.policies.data.map((p) => [p.policyName, p.awsManaged, p.defaultVersionId]),
    ).toEqual([
      ['deploy', false, 'v2'],
      ['AdministratorAccess', true, null],
    ]);
    expect(slice.passwordPolicy).toEqual({ status: 'ok', data: null });
    expect(slice.root).toEqual({
      status: 'ok',
      data: {
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        passwordEnabled: null,
        passwordLastUsed: null,
        passwordLastChanged: null,
        accessKeys: [
          {
            slot: 1,
            active: true,
            lastRotated: '2021-01-01T00:00:00.000Z',
            lastUsedDate: '2026-11-20T00:00:00.000Z',
            lastUsedService: 'iam',
          },
        ],
        signingCertificatesActive: false,
        mfaActive: true,
        // No virtual device belongs to root: hardware.
        mfaKind: 'hardware',
        reportRow: true,
      },
    });
  });

  it('stays within budget: at most 10 IAM/STS calls (AssumeRole included) plus one per user with keys and per OIDC provider, two per user', async () => {
    mockHappyAccount(iamMock);
    await collect();
    const byCommand: Record<string, number> = {};
    for (const call of iamMock.calls()) {
      const name = call.args[0].constructor.name.replace(/Command$/, '');
      byCommand[name] = (byCommand[name] ?? 0) + 1;
    }
    expect(byCommand).toEqual({
      GenerateCredentialReport: 1,
      GetCredentialReport: 2, // one poll while the report was in progress
      GetAccountSummary: 1,
      GetAccountAuthorizationDetails: 2, // two pages in this test; one per 1,000 entities
      ListVirtualMFADevices: 1,
      GetAccountPasswordPolicy: 1,
      ListAccessKeys: 1, // deploy-bot only: the report says nobody else has keys
      ListSAMLProviders: 1,
      ListOpenIDConnectProviders: 1,
      GetOpenIDConnectProvider: 1, // one per OIDC provider, for its client ids
      ListSSHPublicKeys: 3, // one per user: nothing account-wide says who has SSH keys
      ListServiceSpecificCredentials: 3, // one per user
    });
    const assumeRole = 1;
    const usersWithKeys = 1;
    const oidcProviders = 1;
    const extraDetailsPages = 1;
    const users = 3;
    expect(iamMock.calls().length + assumeRole).toBeLessThanOrEqual(
      10 + usersWithKeys + oidcProviders + extraDetailsPages + 2 * users,
    );
  });

  it('records AccessDenied on the authorization details as failed slices and keeps the rest', async () => {
    mockHappyAccount(iamMock);
    iamMock
      .on(GetAccountAuthorizationDetailsCommand)
      .rejects(
        awsError('AccessDenied', 'User is not authorized to perform iam:GetAccountAuthorizationDetails', 403),
      );
    const slice = await collect();
    for (const name of ['users', 'groups', 'policies'] as const) {
      expect(slice[name]).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
    }
    expect(slice.accountSummary.status).toBe('ok');
    expect(slice.root.status).toBe('ok');
    expect(iamMock.commandCalls(ListAccessKeysCommand)).toHaveLength(0);
  });

  it('fails users and root (not empty lists) when the credential report is denied', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GenerateCredentialReportCommand).rejects(awsError('AccessDenied', 'denied', 403));
    const slice = await collect();
    expect(slice.users).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
    expect(slice.root).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
    expect(slice.groups.status).toBe('ok');
  });

  it('without a root row, takes root from the account summary when it says no root keys', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iamMock
      .on(GetCredentialReportCommand)
      .resolves({ ReportFormat: 'text/csv', Content: credentialReportCsv([{ user: 'alice' }]) });
    iamMock
      .on(GetAccountSummaryCommand)
      .resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
    iamMock.on(ListVirtualMFADevicesCommand).resolves({
      VirtualMFADevices: [
        {
          SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`,
          User: {
            Arn: `arn:aws:iam::${ACCOUNT}:root`,
            UserName: '',
            UserId: '',
            Path: '/',
            CreateDate: new Date(),
          },
        },
      ],
    });
    const slice = await collect();
    expect(slice.root).toMatchObject({
      status: 'ok',
      // reportRow false: root-used-recently says "unknown" instead of passing on a null last use.
      data: { passwordEnabled: null, accessKeys: [], mfaActive: true, mfaKind: 'virtual', reportRow: false },
    });
  });

  it('without a root row, fails root when the summary says root keys exist (never invents keys)', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iamMock
      .on(GetCredentialReportCommand)
      .resolves({ ReportFormat: 'text/csv', Content: credentialReportCsv([{ user: 'alice' }]) });
    const slice = await collect();
    expect(slice.root).toMatchObject({ status: 'failed', error: { code: 'RootRowMissing' } });
  });

  it('reads a password policy', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GetAccountPasswordPolicyCommand).resolves({
      PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, ExpirePasswords: false },
    });
    const slice = await collect();
    expect(slice.passwordPolicy).toMatchObject({
      status: 'ok',
      data: { minimumPasswordLength: 14, requireSymbols: true, maxPasswordAge: null },
    });
  });

  it('asks ListAccessKeys for a user the report does not know yet (created after it)', async () => {
    mockHappyAccount(iamMock);
    iamMock.on(GetAccountAuthorizationDetailsCommand).resolves({
      UserDetailList: [
        {
          UserName: 'newbie',
          UserId: 'AIDANEW',
          Arn: arn('newbie'),
          Path: '/',
          CreateDate: new Date('2026-11-24T00:00:00Z'),
        },
      ],
    });
    iamMock.on(ListAccessKeysCommand, { UserName: 'newbie' }).resolves({
      AccessKeyMetadata: [
        { AccessKeyId: 'AKIANEW', Status: 'Active', CreateDate: new Date('2026-11-24T00:00:00Z') },
      ],
    });
    const slice = await collect();
    expect(slice.users.status === 'ok' && slice.users.data[0]?.accessKeys.map((k) => k.accessKeyId)).toEqual([
      'AKIANEW',
    ]);
  });
});
