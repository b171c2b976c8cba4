import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { ListPermissionSetsCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { describeAwsError } from '../../../src/collectors/aws-error.js';
import { createAwsClientFactory } from '../../../src/collectors/client-factory.js';
import { isNonAwsResponse } from '../../../src/collectors/fail-fast-on-non-aws-response.js';
import {
  CrawlRetryStrategy,
  nonRetryableReason,
  type RetryErrorInfo,
} from '../../../src/collectors/retry/crawl-retry-strategy.js';
import { TokenBucket } from '../../../src/collectors/retry/token-bucket.js';
import { scriptedHandler } from '../support/scripted-http-handler.js';

const queryError = (code: string, message: string) =>
  `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
const THROTTLED = { status: 400, body: queryError('Throttling', 'Rate exceeded') };
const DENIED = {
  status: 403,
  body: queryError('AccessDenied', 'not authorized to perform iam:GetAccountSummary'),
};
const INVALID = { status: 400, body: queryError('ValidationError', 'bad parameter') };
const UNAVAILABLE = { status: 503, body: queryError('ServiceUnavailable', 'try again') };
const HTML_500 = {
  status: 500,
  body: '<!DOCTYPE html><html><body>Internal Server Error</body></html>',
  contentType: 'text/html',
};
const SUMMARY = {
  status: 200,
  body: `<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>3</value></entry></SummaryMap></GetAccountSummaryResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></GetAccountSummaryResponse>`,
};

/** A real IAM client with the crawl strategy and a scripted endpoint; no waits (random 0). */
function iamWith(script: Parameters<typeof scriptedHandler>[0], budgetMs = 60_000) {
  const client = new IAMClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
    retryStrategy: new CrawlRetryStrategy({ callBudgetMs: budgetMs, random: () => 0 }),
  });
  const scripted = scriptedHandler(script);
  (client.config as { requestHandler: unknown }).requestHandler = scripted.handler;
  return { client, seen: scripted.seen };
}

describe('CrawlRetryStrategy through the real SDK retry middleware', () => {
  it('retries throttling far past the SDK default of 3 attempts', async () => {
    const { client, seen } = iamWith([...Array(9).fill(THROTTLED), UNAVAILABLE, SUMMARY]);
    const response = await client.send(new GetAccountSummaryCommand({}));
    expect(response.SummaryMap).toEqual({ Users: 3 });
    expect(seen).toHaveLength(11);
    expect(response.$metadata.attempts).toBe(11);
  });

  it.each([
    ['AccessDenied', DENIED, 'AccessDenied'],
    ['a validation error', INVALID, 'ValidationError'],
    ['an HTML 500 page instead of an AWS answer', HTML_500, 'NotImplementedByEndpoint'],
  ])('fails at once on %s', async (_what, answer, code) => {
    const { client, seen } = iamWith([answer, SUMMARY]);
    const error = await client.send(new GetAccountSummaryCommand({})).catch((e: unknown) => e);
    expect(describeAwsError(error).code).toBe(code);
    if (answer === HTML_500) expect(isNonAwsResponse(error)).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('gives up with the last error once the call time budget is spent', async () => {
    let now = 0;
    const client = new IAMClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
      // Each retry "waits" its full ceiling on a fake clock: 500, 1000, 2000, 4000 ms…
      retryStrategy: new CrawlRetryStrategy({
        callBudgetMs: 5_000,
        throttlingBaseDelayMs: 500,
        random: () => 0.999,
        clock: () => now,
      }),
    });
    const scripted = scriptedHandler(Array(20).fill(THROTTLED));
    const original = scripted.handler.handle;
    scripted.handler.handle = async (request) => {
      now += 1_000;
      return original(request);
    };
    // The real wait is skipped: the token's delay is honoured by the SDK, so keep it tiny.
    (client.config as { requestHandler: unknown }).requestHandler = scripted.handler;
    const strategy = (await client.config.retryStrategy()) as CrawlRetryStrategy;
    const refresh = strategy.refreshRetryTokenForRetry.bind(strategy);
    strategy.refreshRetryTokenForRetry = async (token, info) => {
      const next = await refresh(token, info);
      now += next.getRetryDelay();
      return { getRetryCount: () => next.getRetryCount(), getRetryDelay: () => 0, startedAt: 0 } as never;
    };
    const error = await client.send(new GetAccountSummaryCommand({})).catch((e: unknown) => e);
    expect(describeAwsError(error).code).toBe('Throttling');
    // 1 s per attempt + backoff 0.5, 1, 2 s: the fourth retry (4 s more) would pass 5 s.
    expect(scripted.seen.length).toBeGreaterThanOrEqual(2);
    expect(scripted.seen.length).toBeLessThan(6);
  });

  it('answers JSON-protocol throttling (Identity Center) the same way', async () => {
    const sso = new SSOAdminClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
      retryStrategy: new CrawlRetryStrategy({ callBudgetMs: 60_000, random: () => 0 }),
    });
    const throttled = {
      status: 400,
      body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }),
      contentType: 'application/x-amz-json-1.1',
    };
    const ok = {
      status: 200,
      body: JSON.stringify({ PermissionSets: ['arn:aws:sso:::permissionSet/ssoins-1/ps-1'] }),
      contentType: 'application/x-amz-json-1.1',
    };
    const scripted = scriptedHandler([throttled, throttled, throttled, throttled, ok]);
    (sso.config as { requestHandler: unknown }).requestHandler = scripted.handler;
    const response = await sso.send(
      new ListPermissionSetsCommand({ InstanceArn: 'arn:aws:sso:::instance/ssoins-1' }),
    );
    expect(response.PermissionSets).toHaveLength(1);
    expect(scripted.seen).toHaveLength(5);
  });
});

describe('CrawlRetryStrategy decisions', () => {
  const info = (errorType: RetryErrorInfo['errorType'], error: unknown = {}): RetryErrorInfo => ({
    errorType,
    error,
  });

  it('retries throttling, transient and server errors; never client errors or non-AWS pages', () => {
    expect(nonRetryableReason(info('THROTTLING'))).toBeNull();
    expect(nonRetryableReason(info('TRANSIENT'))).toBeNull();
    expect(nonRetryableReason(info('SERVER_ERROR'))).toBeNull();
    expect(nonRetryableReason(info('CLIENT_ERROR'))).toBe('client error');
    const page = (status: number) => ({
      $metadata: { httpStatusCode: status },
      message: 'Deserialization error: to see the raw response…',
    });
    expect(nonRetryableReason(info('SERVER_ERROR', page(500)))).toBe('not an AWS API response');
    expect(nonRetryableReason(info('SERVER_ERROR', page(501)))).toBe('not an AWS API response');
    // A gateway's 502-504 page may pass on the next attempt: retried like any 5xx.
    expect(nonRetryableReason(info('TRANSIENT', page(502)))).toBeNull();
    expect(nonRetryableReason(info('TRANSIENT', page(504)))).toBeNull();
  });

  it('backs off exponentially with full jitter, throttling from a larger base, capped', async () => {
    const strategy = new CrawlRetryStrategy({ callBudgetMs: 1e9, random: () => 0.5, clock: () => 0 });
    let token = await strategy.acquireInitialRetryToken('');
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      token = await strategy.refreshRetryTokenForRetry(token, info('THROTTLING'));
      delays.push(token.getRetryDelay());
    }
    expect(delays).toEqual([125, 250, 500, 1000, 2000, 4000, 8000, 10000]);
    const transient = await strategy.refreshRetryTokenForRetry(
      await strategy.acquireInitialRetryToken(''),
      info('TRANSIENT'),
    );
    expect(transient.getRetryDelay()).toBe(50);
  });

  it('stops retrying an unreachable endpoint after a few attempts (a typo, not load)', async () => {
    const strategy = new CrawlRetryStrategy({ callBudgetMs: 1e9, random: () => 0 });
    const refused = { code: 'ECONNREFUSED' };
    let token = await strategy.acquireInitialRetryToken('');
    token = await strategy.refreshRetryTokenForRetry(token, info('TRANSIENT', refused));
    token = await strategy.refreshRetryTokenForRetry(token, info('TRANSIENT', refused));
    await expect(strategy.refreshRetryTokenForRetry(token, info('TRANSIENT', refused))).rejects.toThrow(
      /unreachable/,
    );
  });

  it('honours an optional attempt cap inside the budget (none unless asked for)', async () => {
    const capped = new CrawlRetryStrategy({ callBudgetMs: 1e9, maxAttempts: 2, random: () => 0 });
    const token = await capped.refreshRetryTokenForRetry(
      await capped.acquireInitialRetryToken(''),
      info('THROTTLING'),
    );
    await expect(capped.refreshRetryTokenForRetry(token, info('THROTTLING'))).rejects.toThrow(/attempt cap/);
  });
});

describe('pacing of organization-wide endpoints', () => {
  it('a token bucket lets a burst through, then one call per 1/rate seconds', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const bucket = new TokenBucket({
      ratePerSecond: 4,
      burst: 2,
      clock: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => bucket.take().then(() => times.push(now))));
    expect(times).toEqual([0, 0, 250, 500, 750, 1000]);
  });

  it('the factory paces Identity Center clients but not per-account IAM clients', async () => {
    const factory = createAwsClientFactory({ region: 'us-east-1', pacing: { ssoAdmin: 2 } });
    const sso = factory.ssoAdmin('us-east-1');
    const iam = factory.iam({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' });
    const ssoStrategy = (await sso.config.retryStrategy()) as unknown as { options: { pacer?: unknown } };
    const iamStrategy = (await iam.config.retryStrategy()) as unknown as { options: { pacer?: unknown } };
    expect(ssoStrategy.options.pacer).toBeInstanceOf(TokenBucket);
    expect(iamStrategy.options.pacer).toBeUndefined();
    // One bucket per service for the whole factory: every SSO client shares it.
    const again = (await factory
      .ssoAdmin('us-east-1')
      .config.retryStrategy()) as unknown as typeof ssoStrategy;
    expect(again.options.pacer).toBe(ssoStrategy.options.pacer);
    // Two IAM clients (two accounts) never share a strategy.
    const other = factory.iam({ accessKeyId: 'AKIAOTHER', secretAccessKey: 'fake' });
    expect(await other.config.retryStrategy()).not.toBe(await iam.config.retryStrategy());
  });
});
