import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import {
  buildMotoOrganization,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { startFaultProxy } from './support/fault-proxy.js';
import { type ProcessRun, runKeysweepProcess } from './support/run-keysweep-process.js';
import type { UsageStubFixture, UsageStubStats } from './support/usage-stub.js';

const endpoint = inject('motoEndpoint');
const NOW = '2026-12-01T00:00:00.000Z';

// alice is an admin who used three services; ci-deployer a workload using one; bob's job fails.
const FIXTURE: UsageStubFixture = {
  inProgressPolls: 1,
  pageSize: 2,
  failedJobs: ['user/bob'],
  services: {
    'user/alice': [
      {
        namespace: 's3',
        name: 'Amazon S3',
        lastAuthenticated: '2026-11-28T10:00:00Z',
        actions: [{ name: 'GetObject', lastAccessed: '2026-11-28T10:00:00Z' }, { name: 'PutObject' }],
      },
      { namespace: 'ec2', lastAuthenticated: '2026-11-20T10:00:00Z' },
      { namespace: 'cloudwatch', lastAuthenticated: '2026-11-25T10:00:00Z' },
      { namespace: 'dynamodb' },
      { namespace: 'iam', actions: [{ name: 'CreateUser' }] },
    ],
    'user/ci-deployer': [
      { namespace: 'cloudformation', lastAuthenticated: '2026-11-30T10:00:00Z' },
      { namespace: 'sqs' },
    ],
  },
};

interface Collected {
  run: ProcessRun;
  snapshot: Snapshot;
  stub: UsageStubStats;
}

describe.skipIf(endpoint === null)('usage evidence against moto behind the usage stub', () => {
  let org: MotoOrganization;
  let dir: string;
  let clean: Collected;

  async function collect(name: string, target: string, extra: string[] = []): Promise<Collected> {
    const out = join(dir, `${name}.json`);
    await fetch(`${endpoint}/usage-stub/fixture`, { method: 'POST', body: JSON.stringify(FIXTURE) });
    const before = (await (await fetch(`${endpoint}/usage-stub/stats`)).json()) as UsageStubStats;
    const run = await runKeysweepProcess(target, ['collect', '--now', NOW, '--out', out, ...extra]);
    const after = (await (await fetch(`${endpoint}/usage-stub/stats`)).json()) as UsageStubStats;
    const snapshot = JSON.parse(await readFile(out, 'utf8')) as Snapshot;
    const stub = {
      jobsCreated: after.jobsCreated - before.jobsCreated,
      polls: after.polls - before.polls,
      analyzerCalls: after.analyzerCalls - before.analyzerCalls,
      foreignReads: after.foreignReads - before.foreignReads,
    };
    return { run, snapshot, stub };
  }

  const usageOf = (snapshot: Snapshot, accountId: string) => {
    const slice = snapshot.accounts.find((a) => a.id === accountId)?.iam.usage;
    if (slice?.status !== 'ok') throw new Error(`usage of ${accountId}: ${JSON.stringify(slice)}`);
    return slice.data;
  };

  beforeAll(async () => {
    await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(endpoint ?? '');
    dir = await mkdtemp(join(tmpdir(), 'keysweep-usage-'));
    clean = await collect('clean', endpoint ?? '');
    const total = clean.snapshot.accounts.reduce(
      (sum, a) => (a.iam.usage.status === 'ok' ? sum + a.iam.usage.data.cost.jobs : sum),
      0,
    );
    console.log(
      `usage evidence: ${total} job(s) recorded; stub saw ${JSON.stringify(clean.stub)}; ${clean.run.keysweepLines.filter((l) => l.includes('usage')).join(' | ')}`,
    );
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('collects every principal of every crawled account, each job read by the session that made it', () => {
    expect(clean.run.code).toBe(0);
    expect(clean.stub.foreignReads).toBe(0);
    const crawled = clean.snapshot.accounts.filter((a) => a.access.status === 'ok');
    expect(crawled.map((a) => a.id).sort()).toEqual(
      [MANAGEMENT_ACCOUNT, org.accounts.prod, org.accounts.dev, org.accounts.sandbox].sort(),
    );
    let jobs = 0;
    let polls = 0;
    for (const account of crawled) {
      const usage = usageOf(clean.snapshot, account.id);
      expect(usage.windowDays).toBe(90);
      const users = account.iam.users.status === 'ok' ? account.iam.users.data : [];
      for (const user of users) expect(usage.principals.map((p) => p.arn)).toContain(user.arn);
      jobs += usage.cost.jobs;
      polls += usage.cost.polls;
    }
    // What keysweep counted is what the stub answered: no job lost, none spent twice.
    expect(jobs).toBe(clean.stub.jobsCreated);
    expect(polls).toBe(clean.stub.polls);
    expect(clean.run.keysweepLines.join('\n')).toMatch(
      /usage evidence: 4 account\(s\), \d+ job\(s\), \d+ poll\(s\)/,
    );
  });

  it('maps service and action level data through the pages of a job, and records a FAILED job on its principal', () => {
    const management = usageOf(clean.snapshot, MANAGEMENT_ACCOUNT);
    const alice = management.principals.find((p) => p.arn.endsWith(':user/alice'));
    expect(alice).toMatchObject({ status: 'ok', source: 'last-accessed-job', coverage: 'granted-services' });
    if (alice?.status !== 'ok') return;
    expect(alice.services.map((s) => [s.namespace, s.lastAccessed !== null])).toEqual([
      ['cloudwatch', true],
      ['dynamodb', false],
      ['ec2', true],
      ['iam', false],
      ['s3', true],
    ]);
    expect(alice.services.find((s) => s.namespace === 's3')?.actions).toEqual([
      { action: 's3:GetObject', lastAccessed: '2026-11-28T10:00:00.000Z', region: 'us-east-1' },
      { action: 's3:PutObject', lastAccessed: null, region: null },
    ]);
    expect(alice.services.find((s) => s.namespace === 'ec2')?.actions).toBeNull();
    const bob = usageOf(clean.snapshot, org.accounts.dev).principals.find((p) => p.arn.endsWith(':user/bob'));
    expect(bob).toMatchObject({ status: 'failed', error: { code: 'ServiceFailure' } });
  });

  it('--no-usage sends no job, leaves usage not collected on request, and the crawl stays complete', async () => {
    const skipped = await collect('no-usage', endpoint ?? '', ['--no-usage']);
    expect(skipped.run.code).toBe(0);
    expect(skipped.stub.jobsCreated).toBe(0);
    const usage = skipped.snapshot.accounts.find((a) => a.id === MANAGEMENT_ACCOUNT)?.iam.usage;
    expect(usage).toMatchObject({
      status: 'not_collected',
      reason: expect.stringMatching(/^skipped on request: /),
    });
  });

  it('a throttled job storm loses nothing and stays within the retry budget', async () => {
    const proxy = await startFaultProxy(endpoint ?? '', {
      seed: 7,
      throttleRate: 0,
      serverErrorRate: 0,
      slowRate: 0,
      slowMs: 0,
      throttleActions: { GenerateServiceLastAccessedDetails: 0.6, GetServiceLastAccessedDetails: 0.4 },
    });
    try {
      // Each throttled call is retried with jittered backoff (0.25 s doubling to 20 s) within the budget: 60 s
      // allows ~12 attempts, and a principal drawing 12 throttles in a row (0.6^12, once in ~450 calls) was
      // lost once in CI (Node.js 22, its retries spread over 57 s). 150 s allows ~20 (0.6^20 ≈ 4e-5), within
      // the test's 180 s.
      const stormy = await collect('storm', proxy.endpoint, ['--call-timeout-budget', '150']);
      expect(proxy.stats.throttled).toBeGreaterThan(5);
      expect(stormy.run.code).toBe(0);
      const strip = (snapshot: Snapshot) =>
        snapshot.accounts.map((a) =>
          a.iam.usage.status === 'ok' ? a.iam.usage.data.principals : a.iam.usage,
        );
      // Every principal's evidence equals the clean run's: nothing lost, nothing turned into "unused".
      expect(strip(stormy.snapshot)).toEqual(strip(clean.snapshot));
      // A throttled creation never reached the stub: one job per principal, as in the clean run.
      expect(stormy.stub.jobsCreated).toBe(clean.stub.jobsCreated);
      console.log(
        `throttled job storm: ${proxy.stats.throttled} throttled of ${proxy.stats.requests} requests`,
      );
    } finally {
      await proxy.close();
    }
  });
});
