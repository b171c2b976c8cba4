import {
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListSigningCertificatesCommand,
} from '@aws-sdk/client-iam';
import { AssumeRootCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AwsCredentials } from '../../../src/collectors/client-factory.js';
import {
  collectRootCredentialsAudit,
  type RootAuditInput,
} from '../../../src/collectors/iam/root-credentials-audit.js';
import { rootCredentialsAuditSchema } from '../../../src/inventory/root-audit-schema.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';

const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const ROOT_SECRET = 'root-session-secret-must-never-be-written';
const MEMBER_A = '222222222222';
const MEMBER_B = '333333333333';

function input(overrides: Partial<RootAuditInput> = {}): RootAuditInput & { sessions: AwsCredentials[] } {
  const sessions: AwsCredentials[] = [];
  return {
    sts: new STSClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS }),
    iamWith: (credentials) => {
      sessions.push(credentials);
      return new IAMClient({ region: 'us-east-1', credentials });
    },
    partition: 'aws',
    memberAccountIds: [MEMBER_A],
    rootCredentialsManagement: true,
    sessions,
    ...overrides,
  };
}

function rootHoldsEverything() {
  stsMock.on(AssumeRootCommand).resolves({
    Credentials: {
      AccessKeyId: 'ASIAROOTSESSION',
      SecretAccessKey: ROOT_SECRET,
      SessionToken: 'root-session-token',
      Expiration: new Date('2026-12-01T00:15:00Z'),
    },
  });
  iamMock.on(GetLoginProfileCommand).resolves({ LoginProfile: { UserName: 'root', CreateDate: new Date() } });
  iamMock.on(GetUserCommand).resolves({
    User: {
      UserName: 'root',
      UserId: '222222222222',
      Arn: `arn:aws:iam::${MEMBER_A}:root`,
      Path: '/',
      CreateDate: new Date('2019-01-01T00:00:00Z'),
      PasswordLastUsed: new Date('2026-11-25T00:00:00Z'),
    },
  });
  iamMock.on(ListAccessKeysCommand).resolves({
    AccessKeyMetadata: [
      { AccessKeyId: 'AKIAROOTKEY', Status: 'Active', CreateDate: new Date('2020-02-02T00:00:00Z') },
    ],
  });
  iamMock.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIAROOTKEY' }).resolves({
    AccessKeyLastUsed: {
      LastUsedDate: new Date('2026-11-20T00:00:00Z'),
      ServiceName: 's3',
      Region: 'us-east-1',
    },
  });
  iamMock.on(ListMFADevicesCommand).resolves({
    MFADevices: [
      { UserName: 'root', SerialNumber: 'GAHT00001234', EnableDate: new Date('2021-03-03T00:00:00Z') },
    ],
  });
  iamMock.on(ListSigningCertificatesCommand).resolves({
    Certificates: [
      {
        UserName: 'root',
        CertificateId: 'CERTROOT1',
        CertificateBody: '-----BEGIN CERTIFICATE-----',
        Status: 'Inactive',
        UploadDate: new Date('2018-04-04T00:00:00Z'),
      },
    ],
  });
}

beforeEach(() => {
  iamMock.reset();
  stsMock.reset();
});
afterEach(() => {
  iamMock.reset();
  stsMock.reset();
});

describe('collectRootCredentialsAudit (AssumeRoot with IAMAuditRootUserCredentials)', () => {
  it('reads password, keys with last use, MFA and certificates of each member root', async () => {
    rootHoldsEverything();
    const run = input();
    const audit = rootCredentialsAuditSchema.parse(await collectRootCredentialsAudit(run));
    expect(audit).toEqual({
      skipped: null,
      accounts: {
        [MEMBER_A]: {
          status: 'ok',
          data: {
            passwordPresent: true,
            passwordLastUsed: '2026-11-25T00:00:00.000Z',
            accessKeys: [
              {
                accessKeyId: 'AKIAROOTKEY',
                status: 'Active',
                createDate: '2020-02-02T00:00:00.000Z',
                lastUsedDate: '2026-11-20T00:00:00.000Z',
                lastUsedService: 's3',
              },
            ],
            mfaDevices: [{ serialNumber: 'GAHT00001234', enableDate: '2021-03-03T00:00:00.000Z' }],
            signingCertificates: [
              { certificateId: 'CERTROOT1', status: 'Inactive', uploadDate: '2018-04-04T00:00:00.000Z' },
            ],
          },
        },
      },
    });
    const [assume] = stsMock.commandCalls(AssumeRootCommand);
    expect(assume?.args[0].input).toEqual({
      TargetPrincipal: MEMBER_A,
      TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' },
      DurationSeconds: 300,
    });
    // The root session signs the IAM calls, and its secret is nowhere in what is kept.
    expect(run.sessions.map((s) => s.secretAccessKey)).toEqual([ROOT_SECRET]);
    expect(JSON.stringify(audit)).not.toContain(ROOT_SECRET);
    expect(JSON.stringify(audit)).not.toContain('root-session-token');
    // The calls run as root: no UserName (the task policy denies them on any other user).
    for (const call of iamMock.calls())
      expect((call.args[0].input as { UserName?: string }).UserName).toBeUndefined();
  });

  it('no login profile is a fact (no password), not a failure', async () => {
    rootHoldsEverything();
    iamMock
      .on(GetLoginProfileCommand)
      .rejects(awsError('NoSuchEntity', 'Login Profile for root not found', 404));
    const audit = await collectRootCredentialsAudit(input());
    const entry = audit.accounts[MEMBER_A];
    expect(entry?.status === 'ok' && entry.data.passwordPresent).toBe(false);
  });

  it('AccessDenied on AssumeRoot in one account fails that account only; the others are audited', async () => {
    rootHoldsEverything();
    stsMock
      .on(AssumeRootCommand, { TargetPrincipal: MEMBER_B })
      .rejects(awsError('AccessDenied', 'not authorized to perform sts:AssumeRoot', 403));
    const audit = await collectRootCredentialsAudit(input({ memberAccountIds: [MEMBER_A, MEMBER_B] }));
    expect(audit.accounts[MEMBER_A]?.status).toBe('ok');
    expect(audit.accounts[MEMBER_B]).toMatchObject({ status: 'failed', error: { code: 'AccessDenied' } });
  });

  it('throttling that outlasts the retries fails the account’s audit, never an empty "nothing held"', async () => {
    rootHoldsEverything();
    iamMock.on(ListMFADevicesCommand).rejects(awsError('Throttling', 'Rate exceeded'));
    const audit = await collectRootCredentialsAudit(input());
    expect(audit.accounts[MEMBER_A]).toMatchObject({ status: 'failed', error: { code: 'Throttling' } });
  });

  it('missing data: a key without dates and a device without enable date are kept with nulls', async () => {
    rootHoldsEverything();
    iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: 'AKIABARE' }] });
    iamMock.on(GetAccessKeyLastUsedCommand).resolves({});
    iamMock.on(ListMFADevicesCommand).resolves({
      MFADevices: [{ UserName: 'root', SerialNumber: 'S1', EnableDate: undefined as unknown as Date }],
    });
    iamMock.on(GetUserCommand).resolves({});
    const audit = await collectRootCredentialsAudit(input());
    const entry = audit.accounts[MEMBER_A];
    if (entry?.status !== 'ok') throw new Error(JSON.stringify(entry));
    expect(entry.data.accessKeys).toEqual([
      {
        accessKeyId: 'AKIABARE',
        status: 'Active',
        createDate: null,
        lastUsedDate: null,
        lastUsedService: null,
      },
    ]);
    expect(entry.data.mfaDevices).toEqual([{ serialNumber: 'S1', enableDate: null }]);
    expect(entry.data.passwordLastUsed).toBeNull();
  });

  it('makes no AssumeRoot call when the feature is off or unknown, and says why', async () => {
    rootHoldsEverything();
    expect(await collectRootCredentialsAudit(input({ rootCredentialsManagement: false }))).toEqual({
      skipped: 'centralized root credentials management is not enabled',
      accounts: {},
    });
    expect(await collectRootCredentialsAudit(input({ rootCredentialsManagement: undefined }))).toMatchObject({
      skipped: expect.stringContaining('ListOrganizationsFeatures'),
      accounts: {},
    });
    expect(stsMock.commandCalls(AssumeRootCommand)).toEqual([]);
  });
});
