import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collectAccountUsage,
  type UsagePrincipal,
  usagePrincipalType,
} from '../../../src/collectors/iam-usage/collect-account-usage.js';
import { findOrganizationUnusedAccessAnalyzer } from '../../../src/collectors/iam-usage/unused-access-analyzer.js';
import { CrawlRetryStrategy } from '../../../src/collectors/retry/crawl-retry-strategy.js';
import { accountUsageSchema } from '../../../src/inventory/iam-usage-schema.js';
import { awsError, CALLER_CREDENTIALS } from '../support/aws-test-doubles.js';
import { scriptedHandler } from '../support/scripted-http-handler.js';
import { instantJobPolling, mockLastAccessedJobs, mockUnusedAccessAnalyzer } from '../support/usage-mocks.js';

const iamMock = mockClient(IAMClient);
const analyzerMock = mockClient(AccessAnalyzerClient);
const ACCOUNT = '111111111111';
const user = (name: string): UsagePrincipal => ({
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  path: '/',
  name,
  kind: 'user',
  tags: {},
});
const role = (name: string, path = '/'): UsagePrincipal => ({
  arn: `arn:aws:iam::${ACCOUNT}:role${path}${name}`,
  path,
  name,
  kind: 'role',
  tags: {},
});
const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';

const collect = (
  principals: UsagePrincipal[],
  extra: Partial<Parameters<typeof collectAccountUsage>[0]> = {},
) =>
  collectAccountUsage({
    iam: new IAMClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS }),
    accountId: ACCOUNT,
    principals,
    windowDays: 90,
    polling: instantJobPolling(),
    pacing: { jobsPerSecond: 1000, concurrentJobs: 2 },
    ...extra,
  });

beforeEach(() => {
  iamMock.reset();
  analyzerMock.reset();
});
afterEach(() => {
  iamMock.reset();
  analyzerMock.reset();
});

describe('collectAccountUsage: last-accessed jobs', () => {
  it('polls IN_PROGRESS jobs until COMPLETED and maps service and action level data from the answer', async () => {
    mockLastAccessedJobs(iamMock);
    const polling = instantJobPolling();
    const slice = await collect([user('alice'), role(`AWSReservedSSO_Admin_0123456789abcdef`, SSO_PATH)], {
      polling,
    });
    expect(slice.status).toBe('ok');
    if (slice.status !== 'ok') return;
    expect(accountUsageSchema.parse(slice.data)).toEqual(slice.data);
    expect(slice.data.cost).toMatchObject({ jobs: 2, polls: 4, findingReads: 0 });
    expect(polling.waits).toEqual([500, 1000, 500, 1000]);
    expect(
      iamMock.commandCalls(GenerateServiceLastAccessedDetailsCommand).map((c) => c.args[0].input.Granularity),
    ).toEqual(['ACTION_LEVEL', 'ACTION_LEVEL']);
    const alice = slice.data.principals.find((p) => p.arn.endsWith('user/alice'));
    expect(alice).toMatchObject({ status: 'ok', principalType: 'user', source: 'last-accessed-job' });
    expect(slice.data.principals.map((p) => p.principalType).sort()).toEqual([
      'identity-center-role',
      'user',
    ]);
    if (alice?.status !== 'ok') return;
    expect(alice.services).toEqual([
      {
        namespace: 'ec2',
        name: 'Amazon EC2',
        lastAccessed: '2026-11-20T00:00:00.000Z',
        region: null,
        actions: null,
      },
      { namespace: 'lambda', name: 'AWS Lambda', lastAccessed: null, region: null, actions: null },
      {
        namespace: 's3',
        name: 'Amazon S3',
        lastAccessed: '2026-11-20T00:00:00.000Z',
        region: 'eu-west-1',
        actions: [
          { action: 's3:GetObject', lastAccessed: '2026-11-20T00:00:00.000Z', region: 'eu-west-1' },
          { action: 's3:PutObject', lastAccessed: null, region: null },
        ],
      },
    ]);
  });

  it('follows the Marker through every page of a completed job', async () => {
    iamMock.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'j' });
    iamMock
      .on(GetServiceLastAccessedDetailsCommand, { JobId: 'j', Marker: undefined })
      .resolves({
        JobStatus: 'COMPLETED',
        IsTruncated: true,
        Marker: 'm2',
        ServicesLastAccessed: [{ ServiceNamespace: 'sqs', ServiceName: 'SQS' }],
      })
      .on(GetServiceLastAccessedDetailsCommand, { JobId: 'j', Marker: 'm2' })
      .resolves({
        JobStatus: 'COMPLETED',
        IsTruncated: false,
        ServicesLastAccessed: [{ ServiceNamespace: 'iam', ServiceName: 'IAM' }],
      });
    const slice = await collect([user('bob')]);
    expect(slice.status === 'ok' && slice.data.principals[0]).toMatchObject({
      services: [{ namespace: 'iam' }, { namespace: 'sqs' }],
    });
    expect(slice.status === 'ok' && slice.data.cost.polls).toBe(2);
  });

  it('records a FAILED job and a throttled job on their principal only, never as "nothing used"', async () => {
    mockLastAccessedJobs(iamMock);
    iamMock
      .on(GenerateServiceLastAccessedDetailsCommand, { Arn: user('failing').arn })
      .resolves({ JobId: 'failing-job' })
      .on(GenerateServiceLastAccessedDetailsCommand, { Arn: user('throttled').arn })
      .rejects(awsError('Throttling', 'Rate exceeded'));
    iamMock
      .on(GetServiceLastAccessedDetailsCommand, { JobId: 'failing-job' })
      .resolves({ JobStatus: 'FAILED', Error: { Code: 'ServiceFailure', Message: 'internal' } });
    const slice = await collect([user('failing'), user('throttled'), user('fine')]);
    expect(slice.status).toBe('ok');
    if (slice.status !== 'ok') return;
    const byName = Object.fromEntries(slice.data.principals.map((p) => [p.arn.split('/').pop(), p]));
    expect(byName.failing).toMatchObject({ status: 'failed', error: { code: 'ServiceFailure' } });
    expect(byName.failing?.status === 'failed' && byName.failing.error.message).toMatch(/FAILED: internal/);
    expect(byName.throttled).toMatchObject({ status: 'failed', error: { code: 'Throttling' } });
    expect(byName.fine).toMatchObject({ status: 'ok' });
  });

  it('gives up a job still IN_PROGRESS after the time limit (JobTimeout on that principal)', async () => {
    iamMock.on(GenerateServiceLastAccessedDetailsCommand).resolves({ JobId: 'slow' });
    iamMock.on(GetServiceLastAccessedDetailsCommand).resolves({ JobStatus: 'IN_PROGRESS' });
    const slice = await collect([user('slow'), role('other')], { polling: instantJobPolling(10_000) });
    expect(slice.status).toBe('failed');
    expect(slice.status === 'failed' && slice.error.code).toBe('JobTimeout');
  });

  it('fails the slice when every job is denied the same way (AccessDenied), with the action named', async () => {
    iamMock
      .on(GenerateServiceLastAccessedDetailsCommand)
      .rejects(
        awsError('AccessDenied', 'not authorized to perform: iam:GenerateServiceLastAccessedDetails', 403),
      );
    const slice = await collect([user('a'), role('b')]);
    expect(slice).toEqual({
      status: 'failed',
      error: {
        code: 'AccessDenied',
        message:
          'GenerateServiceLastAccessedDetails: not authorized to perform: iam:GenerateServiceLastAccessedDetails',
      },
    });
  });

  it('leaves out service-linked roles (AWS owns their policies) and spends no job on them', async () => {
    mockLastAccessedJobs(iamMock);
    const slice = await collect([
      role('AWSServiceRoleForSupport', '/aws-service-role/support.amazonaws.com/'),
    ]);
    expect(slice.status === 'ok' && slice.data.principals).toEqual([]);
    expect(iamMock.commandCalls(GenerateServiceLastAccessedDetailsCommand)).toHaveLength(0);
  });

  it('tells Identity Center roles from other roles by path and name', () => {
    expect(usagePrincipalType(role('AWSReservedSSO_Admin_0123', SSO_PATH))).toBe('identity-center-role');
    expect(usagePrincipalType(role('AWSReservedSSO_Admin_0123'))).toBe('role');
    expect(usagePrincipalType(user('AWSReservedSSO_x'))).toBe('user');
  });

  it('paces job creation per account with a token bucket (2 a second: 5 jobs take at least 1.5 s)', async () => {
    mockLastAccessedJobs(iamMock);
    const started = Date.now();
    await collect([user('a'), user('b'), user('c'), user('d'), user('e')], {
      pacing: { jobsPerSecond: 2, concurrentJobs: 5 },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
  });

  it('retries a throttled GenerateServiceLastAccessedDetails through the crawl retry strategy (real SDK)', async () => {
    const jobAnswer = `<GenerateServiceLastAccessedDetailsResponse><GenerateServiceLastAccessedDetailsResult><JobId>j1</JobId></GenerateServiceLastAccessedDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GenerateServiceLastAccessedDetailsResponse>`;
    const completed = `<GetServiceLastAccessedDetailsResponse><GetServiceLastAccessedDetailsResult><JobStatus>COMPLETED</JobStatus><JobType>ACTION_LEVEL</JobType><JobCreationDate>2026-11-01T00:00:00Z</JobCreationDate><JobCompletionDate>2026-11-01T00:00:01Z</JobCompletionDate><IsTruncated>false</IsTruncated><ServicesLastAccessed><member><ServiceName>Amazon S3</ServiceName><ServiceNamespace>s3</ServiceNamespace><LastAuthenticated>2026-10-01T00:00:00Z</LastAuthenticated></member></ServicesLastAccessed></GetServiceLastAccessedDetailsResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></GetServiceLastAccessedDetailsResponse>`;
    const throttled = `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>`;
    const script = scriptedHandler([
      { status: 400, body: throttled },
      { status: 400, body: throttled },
      { status: 200, body: jobAnswer },
      { status: 200, body: completed },
    ]);
    iamMock.restore();
    const iam = new IAMClient({
      region: 'us-east-1',
      credentials: CALLER_CREDENTIALS,
      requestHandler: script.handler,
      retryStrategy: new CrawlRetryStrategy({
        callBudgetMs: 10_000,
        throttlingBaseDelayMs: 1,
        random: () => 0,
      }),
    });
    try {
      const slice = await collect([user('a')], { iam });
      expect(script.seen).toHaveLength(4);
      expect(slice.status === 'ok' && slice.data.principals[0]).toMatchObject({
        status: 'ok',
        services: [{ namespace: 's3', lastAccessed: '2026-10-01T00:00:00.000Z' }],
      });
    } finally {
      mockClient(IAMClient);
    }
  });
});

describe('collectAccountUsage: organization unused-access analyzer', () => {
  it('finds the ACTIVE organization analyzer with its age and exclusions', async () => {
    mockUnusedAccessAnalyzer(analyzerMock, ['222222222222']);
    const found = await findOrganizationUnusedAccessAnalyzer(
      new AccessAnalyzerClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS }),
    );
    expect(found).toMatchObject({ name: 'org-unused', unusedAccessAgeDays: 90 });
    expect([...(found?.excludedAccountIds ?? [])]).toEqual(['222222222222']);
  });

  it('reads findings instead of jobs for covered principals; an excluded tag set means a job', async () => {
    mockUnusedAccessAnalyzer(analyzerMock, []);
    mockLastAccessedJobs(iamMock);
    const client = new AccessAnalyzerClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS });
    const analyzer = await findOrganizationUnusedAccessAnalyzer(client);
    if (!analyzer) throw new Error('no analyzer');
    const tagged = { ...role('ci'), tags: { team: 'platform' } };
    const slice = await collect([user(`human-${ACCOUNT}`), user('quiet'), tagged], {
      analyzer: { client, analyzer: { ...analyzer, excludedTagSets: [{ team: 'platform' }] } },
    });
    if (slice.status !== 'ok') throw new Error('not ok');
    const byName = Object.fromEntries(slice.data.principals.map((p) => [p.arn.split('/').pop(), p]));
    expect(byName[`human-${ACCOUNT}`]).toMatchObject({
      source: 'access-analyzer',
      coverage: 'unused-only',
      services: [{ namespace: 'dynamodb', lastAccessed: '2025-01-01T00:00:00.000Z' }],
    });
    expect(byName.quiet).toMatchObject({ source: 'access-analyzer', services: [] });
    expect(byName.ci).toMatchObject({ source: 'last-accessed-job', coverage: 'granted-services' });
    expect(slice.data.cost).toMatchObject({ jobs: 1, findingReads: 2 });
  });

  it('falls back to jobs (with a note) when the findings cannot be read', async () => {
    mockUnusedAccessAnalyzer(analyzerMock, []);
    mockLastAccessedJobs(iamMock);
    const client = new AccessAnalyzerClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS });
    const analyzer = await findOrganizationUnusedAccessAnalyzer(client);
    if (!analyzer) throw new Error('no analyzer');
    analyzerMock
      .on((await import('@aws-sdk/client-accessanalyzer')).ListFindingsV2Command)
      .rejects(awsError('AccessDeniedException'));
    const notes: string[] = [];
    const slice = await collect([user('a')], {
      analyzer: { client, analyzer },
      onNote: (m) => notes.push(m),
    });
    expect(slice.status === 'ok' && slice.data.principals[0]).toMatchObject({ source: 'last-accessed-job' });
    expect(notes).toEqual([
      `usage ${ACCOUNT}: analyzer org-unused findings unreadable (AccessDeniedException); using last-accessed jobs`,
    ]);
  });
});
