import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import {
  GenerateCredentialReportCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  GetOpenIDConnectProviderCommand,
  GetUserCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListOpenIDConnectProvidersCommand,
  ListOrganizationsFeaturesCommand,
  ListSAMLProvidersCommand,
  ListServiceSpecificCredentialsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  ListApplicationsCommand,
  ListInstancesCommand,
  ListRegionsCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {
  AssumeRoleCommand,
  AssumeRootCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anAccount } from '../../fixtures/builders/index.js';
import { collectSnapshot, type LiveScanOptions } from '../../src/collectors/collect-snapshot.js';
import type { AccountProgress } from '../../src/collectors/collection-progress.js';
import {
  ALL_REQUIRED_ACTIONS,
  actionForCommand,
  isReadOnlyAction,
} from '../../src/collectors/required-actions.js';
import { shardOf } from '../../src/inventory/account-shard.js';
import { type Snapshot, snapshotSchema } from '../../src/inventory/snapshot-schema.js';
import {
  awsError,
  CALLER_SECRET,
  credentialReportCsv,
  instantPolling,
  testClientFactory,
} from './support/aws-test-doubles.js';
import { INSTANCE, mockIdentityCenter } from './support/identity-center-mocks.js';
import { mockOrganization } from './support/organization-mocks.js';
import { instantJobPolling, mockLastAccessedJobs, mockUnusedAccessAnalyzer } from './support/usage-mocks.js';

const mocks = {
  IAMClient: mockClient(IAMClient),
  STSClient: mockClient(STSClient),
  OrganizationsClient: mockClient(OrganizationsClient),
  SSOAdminClient: mockClient(SSOAdminClient),
  IdentitystoreClient: mockClient(IdentitystoreClient),
  AccessAnalyzerClient: mockClient(AccessAnalyzerClient),
};
const SESSION_SECRET = 'assumed-secret-must-never-be-printed';
const SESSION_TOKEN = 'assumed-session-token-must-never-be-printed';
const MANAGEMENT = '000000000000';

/** Which account an IAM request is for, from the credentials the client was built with. */
async function accountOf(getClient: () => unknown): Promise<string> {
  const client = getClient() as IAMClient;
  const credentials = await client.config.credentials();
  return credentials.accessKeyId.startsWith('ASIA') ? credentials.accessKeyId.slice(4) : MANAGEMENT;
}

const callsPerAccount = new Map<string, number>();
function iamFake<T>(answer: (accountId: string, input: Record<string, unknown>) => T) {
  return async (input: Record<string, unknown>, getClient: () => unknown) => {
    const accountId = await accountOf(getClient);
    callsPerAccount.set(accountId, (callsPerAccount.get(accountId) ?? 0) + 1);
    return answer(accountId, input);
  };
}

function mockWorld() {
  const iam = mocks.IAMClient;
  mockOrganization(mocks.OrganizationsClient);
  mockIdentityCenter(mocks.SSOAdminClient, mocks.IdentitystoreClient);
  mocks.STSClient.on(GetCallerIdentityCommand).resolves({
    Account: MANAGEMENT,
    Arn: `arn:aws:iam::${MANAGEMENT}:user/auditor`,
  });
  mocks.STSClient.on(AssumeRoleCommand).callsFake((input: { RoleArn: string }) => {
    const accountId = input.RoleArn.split(':')[4] ?? '';
    callsPerAccount.set(accountId, (callsPerAccount.get(accountId) ?? 0) + 1);
    if (accountId === '333333333333')
      throw awsError('AccessDenied', `not authorized to perform sts:AssumeRole on ${input.RoleArn}`, 403);
    return {
      Credentials: {
        AccessKeyId: `ASIA${accountId}`,
        SecretAccessKey: SESSION_SECRET,
        SessionToken: SESSION_TOKEN,
        Expiration: new Date(),
      },
    };
  });
  iam
    .on(ListOrganizationsFeaturesCommand)
    .resolves({ EnabledFeatures: ['RootCredentialsManagement', 'RootSessions'] });
  iam.on(GenerateCredentialReportCommand).callsFake(iamFake(() => ({ State: 'COMPLETE' })));
  iam.on(GetCredentialReportCommand).callsFake(
    iamFake((accountId) => ({
      ReportFormat: 'text/csv',
      Content: credentialReportCsv([
        { user: '<root_account>', arn: `arn:aws:iam::${accountId}:root`, password_enabled: 'not_supported' },
        { user: `human-${accountId}`, password_enabled: 'true' },
        {
          user: `bot-${accountId}`,
          access_key_1_active: 'true',
          access_key_1_last_rotated: '2024-01-01T00:00:00+00:00',
        },
      ]),
    })),
  );
  iam.on(GetAccountSummaryCommand).callsFake(iamFake(() => ({ SummaryMap: { Users: 2 } })));
  iam.on(GetAccountAuthorizationDetailsCommand).callsFake(
    iamFake((accountId) => ({
      UserDetailList: ['human', 'bot'].map((kind) => ({
        UserName: `${kind}-${accountId}`,
        UserId: `AIDA${kind}`,
        Arn: `arn:aws:iam::${accountId}:user/${kind}-${accountId}`,
        Path: '/',
        CreateDate: new Date('2024-01-01T00:00:00Z'),
      })),
    })),
  );
  iam.on(ListVirtualMFADevicesCommand).callsFake(iamFake(() => ({ VirtualMFADevices: [] })));
  iam.on(ListSAMLProvidersCommand).callsFake(iamFake(() => ({ SAMLProviderList: [] })));
  iam.on(ListOpenIDConnectProvidersCommand).callsFake(
    iamFake((accountId) => ({
      OpenIDConnectProviderList: [
        { Arn: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
      ],
    })),
  );
  iam
    .on(GetOpenIDConnectProviderCommand)
    .callsFake(
      iamFake(() => ({ Url: 'token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'] })),
    );
  iam.on(GetAccountPasswordPolicyCommand).callsFake(
    iamFake(() => {
      throw awsError('NoSuchEntity', 'no policy', 404);
    }),
  );
  iam.on(ListSSHPublicKeysCommand).resolves({ SSHPublicKeys: [] });
  iam.on(ListServiceSpecificCredentialsCommand).resolves({ ServiceSpecificCredentials: [] });
  // Centralized root access is on: an audit-only root session per member account. Its key id does not
  // start with ASIA<account>, so its calls are not counted as the account's crawl.
  mocks.STSClient.on(AssumeRootCommand).callsFake((input: { TargetPrincipal: string }) => ({
    Credentials: {
      AccessKeyId: `ASIAROOTSESSION${input.TargetPrincipal}`,
      SecretAccessKey: SESSION_SECRET,
      SessionToken: SESSION_TOKEN,
      Expiration: new Date(),
    },
  }));
  iam.on(GetLoginProfileCommand).rejects(awsError('NoSuchEntity', 'no login profile', 404));
  iam.on(GetUserCommand).resolves({});
  iam.on(ListMFADevicesCommand).resolves({ MFADevices: [] });
  iam.on(ListSigningCertificatesCommand).resolves({ Certificates: [] });
  iam.on(GetAccessKeyLastUsedCommand).resolves({ AccessKeyLastUsed: { ServiceName: 'N/A' } as never });
  iam.on(ListAccessKeysCommand).callsFake(
    iamFake((_, input) => ({
      AccessKeyMetadata: [
        {
          AccessKeyId: `AKIA${String(input.UserName)}`,
          Status: 'Active',
          CreateDate: new Date('2024-01-01T00:00:00Z'),
        },
      ],
    })),
  );
}

const progressEvents: AccountProgress[] = [];
const options = (overrides: Partial<LiveScanOptions> = {}): LiveScanOptions => ({
  roleName: 'OrganizationAccountAccessRole',
  concurrency: 2,
  now: new Date('2026-12-01T00:00:00Z'),
  onlyAccounts: [],
  excludeAccounts: [],
  onlyOus: [],
  polling: instantPolling(),
  progress: { begin() {}, accountDone: (e) => progressEvents.push(e), note() {}, end() {} },
  ...overrides,
});

beforeEach(() => {
  for (const mock of Object.values(mocks)) mock.reset();
  callsPerAccount.clear();
  progressEvents.length = 0;
});
afterEach(() => {
  for (const mock of Object.values(mocks)) mock.reset();
});

describe('collectSnapshot', () => {
  it('crawls every ACTIVE account, records a denied AssumeRole as data and goes on', async () => {
    mockWorld();
    const snapshot = snapshotSchema.parse(await collectSnapshot(testClientFactory(), options()));
    expect(snapshot.source.kind).toBe('live');
    expect(snapshot.collectedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(
      snapshot.accounts.map((a) => [a.id, a.access.status, a.access.status === 'ok' ? a.access.via : '']),
    ).toEqual([
      [MANAGEMENT, 'ok', 'caller'],
      ['111111111111', 'ok', 'assume-role'],
      ['222222222222', 'skipped', ''],
      ['333333333333', 'failed', ''],
    ]);
    const denied = snapshot.accounts[3];
    expect(denied?.access).toMatchObject({
      status: 'failed',
      error: { code: 'AccessDenied', message: expect.stringContaining('OrganizationAccountAccessRole') },
    });
    expect(denied?.iam.users).toMatchObject({ status: 'not_collected' });
    const prod = snapshot.accounts[1];
    expect(
      prod?.iam.users.status === 'ok' && prod.iam.users.data.map((u) => [u.userName, u.accessKeys.length]),
    ).toEqual([
      ['human-111111111111', 0],
      ['bot-111111111111', 1],
    ]);
    expect(snapshot.organization.centralizedRootAccess).toEqual({
      status: 'ok',
      data: { rootCredentialsManagement: true, rootSessions: true },
    });
    // Enabled: every member is audited through AssumeRoot (the management account's root cannot be).
    const audit = snapshot.organization.rootCredentialsAudit;
    if (audit.status !== 'ok') throw new Error(JSON.stringify(audit));
    expect(audit.data.skipped).toBeNull();
    expect(Object.keys(audit.data.accounts)).not.toContain(MANAGEMENT);
    expect(audit.data.accounts['111111111111']).toMatchObject({
      status: 'ok',
      data: { passwordPresent: false, mfaDevices: [], signingCertificates: [] },
    });
    expect(snapshot.identityCenter.permissionSets.status).toBe('ok');
    // Identity Center pairs for the skipped (SUSPENDED) account are left out.
    expect(
      snapshot.identityCenter.provisioning.status === 'ok' &&
        snapshot.identityCenter.provisioning.data.map((p) => p.accountId),
    ).toEqual(['111111111111', '111111111111']);
    expect(progressEvents.map((e) => [e.accountId, e.outcome])).toContainEqual(['333333333333', 'failed']);
  });

  it('spends at most 10 IAM/STS calls per account plus one per user with keys and per OIDC provider', async () => {
    mockWorld();
    await collectSnapshot(testClientFactory(), options());
    const usersWithKeys = 1; // bot-<account> in each account
    const oidcProviders = 1; // GitHub's, in each account
    // AssumeRole + 8 IAM (report x2, summary, details, MFA, password policy, SAML, OIDC) + per-item calls
    expect(callsPerAccount.get('111111111111')).toBe(9 + usersWithKeys + oidcProviders);
    expect(callsPerAccount.get(MANAGEMENT)).toBe(8 + usersWithKeys + oidcProviders); // no AssumeRole
    for (const calls of callsPerAccount.values())
      expect(calls).toBeLessThanOrEqual(10 + usersWithKeys + oidcProviders);
  });

  it('sends only commands whose actions are declared, and every declared action is read-only', async () => {
    mockWorld();
    mockLastAccessedJobs(mocks.IAMClient);
    // The analyzer covers every account but 111111111111, where jobs run: both paths are taken.
    mockUnusedAccessAnalyzer(mocks.AccessAnalyzerClient, ['111111111111']);
    // 111111111111 owns an account instance of Identity Center: its users and applications are counted.
    mocks.SSOAdminClient.on(ListInstancesCommand).resolves({
      Instances: [
        {
          InstanceArn: INSTANCE,
          IdentityStoreId: 'd-test',
          OwnerAccountId: '000000000000',
          Status: 'ACTIVE',
        },
        {
          InstanceArn: 'arn:aws:sso:::instance/ssoins-acct',
          IdentityStoreId: 'd-acct',
          OwnerAccountId: '111111111111',
        },
      ],
    });
    mocks.SSOAdminClient.on(ListApplicationsCommand, {
      InstanceArn: 'arn:aws:sso:::instance/ssoins-acct',
    }).resolves({
      Applications: [],
    });
    await collectSnapshot(
      testClientFactory(),
      options({ usage: { windowDays: 90, polling: instantJobPolling() } }),
    );
    const sent = new Set<string>();
    for (const [clientName, mock] of Object.entries(mocks)) {
      for (const call of mock.calls()) sent.add(actionForCommand(clientName, call.args[0].constructor.name));
    }
    expect(sent.size).toBeGreaterThan(20);
    for (const action of sent)
      expect(ALL_REQUIRED_ACTIONS, `${action} was sent but is not declared`).toContain(action);
    for (const action of ALL_REQUIRED_ACTIONS)
      expect(isReadOnlyAction(action), `${action} is not read-only`).toBe(true);
    // Every declared action is actually needed by some path (the list does not grow stale).
    for (const action of ALL_REQUIRED_ACTIONS)
      expect(sent, `${action} is declared but never sent`).toContain(action);
  });

  it('searches account instances in the Identity Center region and the instance regions, or in --instance-regions', async () => {
    mockWorld();
    mocks.SSOAdminClient.on(ListRegionsCommand).resolves({
      Regions: [
        { RegionName: 'us-east-1', Status: 'ACTIVE', IsPrimaryRegion: true },
        { RegionName: 'eu-west-1', Status: 'ACTIVE', IsPrimaryRegion: false },
      ],
    });
    const searched = (snapshot: Snapshot) =>
      snapshot.accounts.flatMap((a) => {
        const slice = a.iam.identityCenterInstances;
        return slice.status === 'ok' ? [slice.data.regionsSearched] : [];
      });
    const byDefault = await collectSnapshot(testClientFactory(), options());
    expect(byDefault.identityCenter.regions.status).toBe('ok');
    expect(searched(byDefault).length).toBeGreaterThan(1);
    for (const regions of searched(byDefault)) expect(regions).toEqual(['eu-west-1', 'us-east-1']);
    const listed = await collectSnapshot(testClientFactory(), options({ instanceRegions: ['ap-south-1'] }));
    for (const regions of searched(listed)) expect(regions).toEqual(['ap-south-1']);
  });

  it('never writes credentials into the snapshot', async () => {
    mockWorld();
    const text = JSON.stringify(await collectSnapshot(testClientFactory(), options()));
    for (const secret of [SESSION_SECRET, SESSION_TOKEN, CALLER_SECRET]) expect(text).not.toContain(secret);
  });

  it('uses the external id and role name for AssumeRole', async () => {
    mockWorld();
    await collectSnapshot(
      testClientFactory(),
      options({ roleName: 'KeysweepAudit', externalId: 'ext-123', onlyAccounts: ['111111111111'] }),
    );
    expect(mocks.STSClient.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input)).toEqual([
      {
        RoleArn: 'arn:aws:iam::111111111111:role/KeysweepAudit',
        RoleSessionName: 'keysweep',
        ExternalId: 'ext-123',
      },
    ]);
  });

  it.each([1, 2])(
    '--shard %i/2: crawls only its accounts, lists the others as skipped, reads Identity Center only in shard 1',
    async (index) => {
      mockWorld();
      const active = [MANAGEMENT, '111111111111', '333333333333'];
      const shard = { index, count: 2 };
      const snapshot = await collectSnapshot(testClientFactory(), options({ shard }));
      for (const id of active) {
        const account = snapshot.accounts.find((a) => a.id === id);
        if (shardOf(id, 2) === shard.index) expect(account?.access.status, id).not.toBe('skipped');
        else
          expect(account?.access, id).toEqual({
            status: 'skipped',
            reason: `in shard ${shardOf(id, 2)}/2 (--shard)`,
          });
      }
      expect(snapshot.crawl?.shard).toEqual(shard);
      const crawled = active.filter((id) => shardOf(id, 2) === shard.index);
      expect(Object.keys(snapshot.crawl?.accountDurationsMs ?? {}).sort()).toEqual(crawled.sort());
      // The per-account ListInstances (account instances) is account data; the rest is shard 1's.
      const ssoCalls = mocks.SSOAdminClient.calls().filter(
        (call) => !(call.args[0] instanceof ListInstancesCommand),
      ).length;
      if (shard.index === 1) expect(ssoCalls).toBeGreaterThan(0);
      else {
        expect(ssoCalls).toBe(0);
        expect(snapshot.identityCenter.instance).toEqual({
          status: 'not_collected',
          reason: 'collected by shard 1/2',
        });
      }
    },
  );

  it('--org-only reads organization-wide data and no account; --accounts-only leaves it out even in shard 1', async () => {
    mockWorld();
    const org = await collectSnapshot(testClientFactory(), options({ organizationData: 'only' }));
    expect(mocks.STSClient.commandCalls(AssumeRoleCommand)).toHaveLength(0);
    expect(mocks.IAMClient.commandCalls(GenerateCredentialReportCommand)).toHaveLength(0);
    expect(org.identityCenter.permissionSets.status).toBe('ok');
    expect(org.organization.centralizedRootAccess.status).toBe('ok');
    expect(org.accounts.every((a) => a.access.status === 'skipped')).toBe(true);
    expect(org.crawl?.organizationOnly).toBe(true);

    for (const mock of Object.values(mocks)) mock.reset();
    mockWorld();
    const accounts = await collectSnapshot(
      testClientFactory(),
      options({ shard: { index: 1, count: 1 }, organizationData: 'skip' }),
    );
    // Only the per-account ListInstances (account instances, account data), nothing organization-wide.
    expect(
      mocks.SSOAdminClient.calls().filter((call) => !(call.args[0] instanceof ListInstancesCommand)),
    ).toHaveLength(0);
    expect(accounts.identityCenter.instance).toEqual({
      status: 'not_collected',
      reason: 'collected by a separate --org-only job (--accounts-only)',
    });
    expect(accounts.accounts.find((a) => a.id === '111111111111')?.access.status).toBe('ok');
  });

  it('resumes from a checkpoint: finished accounts are not crawled again, new ones are recorded', async () => {
    mockWorld();
    const previous = anAccount({ id: '111111111111', name: 'from-checkpoint' });
    const recorded: string[] = [];
    const snapshot = await collectSnapshot(
      testClientFactory(),
      options({
        openCheckpoint: async (organizationId) => {
          expect(organizationId).toMatch(/^o-/);
          return {
            finished: new Map([[previous.id, { account: previous, durationMs: 4321 }]]),
            record: async (f) => {
              recorded.push(f.account.id);
            },
            discard: async () => {},
          };
        },
      }),
    );
    expect(snapshot.accounts.find((a) => a.id === '111111111111')?.name).toBe('from-checkpoint');
    expect(mocks.STSClient.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toEqual([
      'arn:aws:iam::333333333333:role/OrganizationAccountAccessRole',
    ]);
    expect(recorded.sort()).toEqual([MANAGEMENT, '333333333333']);
    expect(snapshot.crawl?.accountDurationsMs?.['111111111111']).toBe(4321);
  });

  it('scans just the caller account when there is no organization', async () => {
    mockWorld();
    mocks.OrganizationsClient.on(DescribeOrganizationCommand).rejects(
      awsError('AWSOrganizationsNotInUseException', 'not in an organization'),
    );
    const snapshot = await collectSnapshot(testClientFactory(), options());
    expect(snapshot.organization).toMatchObject({
      id: null,
      featureSet: 'NONE',
      centralizedRootAccess: { status: 'not_collected' },
    });
    expect(snapshot.accounts.map((a) => [a.id, a.access])).toEqual([
      [MANAGEMENT, { status: 'ok', via: 'caller' }],
    ]);
    expect(mocks.STSClient.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  it('records a failed centralized root access read without stopping', async () => {
    mockWorld();
    mocks.IAMClient.on(ListOrganizationsFeaturesCommand).rejects(awsError('AccessDenied', 'denied', 403));
    const snapshot = await collectSnapshot(testClientFactory(), options());
    expect(snapshot.organization.centralizedRootAccess).toMatchObject({
      status: 'failed',
      error: { code: 'AccessDenied' },
    });
    expect(snapshot.accounts[0]?.iam.users.status).toBe('ok');
  });
});

describe('collectSnapshot: usage evidence', () => {
  it('is not collected unless asked, marked as skipped on request', async () => {
    mockWorld();
    const snapshot = await collectSnapshot(testClientFactory(), options({ onlyAccounts: ['111111111111'] }));
    const account = snapshot.accounts.find((a) => a.id === '111111111111');
    expect(account?.iam.usage).toEqual({
      status: 'not_collected',
      reason: 'skipped on request: usage evidence not collected (--no-usage)',
    });
    expect(mocks.IAMClient.commandCalls(GenerateServiceLastAccessedDetailsCommand)).toHaveLength(0);
    // Left out on request is no gap: the account is still complete.
    expect(progressEvents.find((e) => e.accountId === '111111111111')?.outcome).toBe('complete');
  });

  it('reads the analyzer where it covers, runs jobs elsewhere, records each source, and reports the cost', async () => {
    mockWorld();
    mockLastAccessedJobs(mocks.IAMClient);
    mockUnusedAccessAnalyzer(mocks.AccessAnalyzerClient, ['111111111111']);
    const notes: string[] = [];
    const snapshot = await collectSnapshot(
      testClientFactory(),
      options({
        onlyAccounts: ['111111111111', MANAGEMENT],
        usage: { windowDays: 30, polling: instantJobPolling() },
        progress: { begin() {}, accountDone() {}, note: (m) => notes.push(m), end() {} },
      }),
    );
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    const usageOf = (id: string) => {
      const slice = snapshot.accounts.find((a) => a.id === id)?.iam.usage;
      if (slice?.status !== 'ok') throw new Error(`usage of ${id}: ${JSON.stringify(slice)}`);
      return slice.data;
    };
    const jobs = usageOf('111111111111');
    expect(jobs.windowDays).toBe(30);
    expect(jobs.principals.map((p) => p.status === 'ok' && p.source)).toEqual([
      'last-accessed-job',
      'last-accessed-job',
    ]);
    expect(jobs.cost).toMatchObject({ jobs: 2, polls: 4, findingReads: 0 });
    const viaAnalyzer = usageOf(MANAGEMENT);
    expect(viaAnalyzer.cost).toMatchObject({ jobs: 0, findingReads: 2 });
    expect(viaAnalyzer.principals).toEqual([
      expect.objectContaining({
        arn: `arn:aws:iam::${MANAGEMENT}:user/bot-${MANAGEMENT}`,
        source: 'access-analyzer',
        coverage: 'unused-only',
        services: [],
      }),
      expect.objectContaining({
        arn: `arn:aws:iam::${MANAGEMENT}:user/human-${MANAGEMENT}`,
        source: 'access-analyzer',
        services: [
          expect.objectContaining({
            namespace: 'dynamodb',
            actions: [expect.objectContaining({ action: 'dynamodb:DeleteTable' })],
          }),
        ],
      }),
    ]);
    expect(
      notes.some((n) =>
        /^usage 111111111111: 2 job\(s\), 4 poll\(s\), 0 analyzer read\(s\), [\d.]+ s$/.test(n),
      ),
    ).toBe(true);
    expect(
      notes.some((n) =>
        /^usage evidence: 2 account\(s\), 2 job\(s\), 4 poll\(s\), 2 analyzer read\(s\)/.test(n),
      ),
    ).toBe(true);
  });
});
