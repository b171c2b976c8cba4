import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CallCounter, createAwsClientFactory } from '../../src/collectors/client-factory.js';
import { CrawlRetryStrategy } from '../../src/collectors/retry/crawl-retry-strategy.js';
import { scriptedHandler } from './support/scripted-http-handler.js';

const THROTTLED = `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>`;
const SUMMARY = `<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>3</value></entry></SummaryMap></GetAccountSummaryResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></GetAccountSummaryResponse>`;

afterEach(() => vi.unstubAllEnvs());

describe('createAwsClientFactory', () => {
  it('builds clients with the crawl retry policy: throttling, then success', async () => {
    const factory = createAwsClientFactory({ region: 'us-east-1', random: () => 0 });
    const counter: CallCounter = { calls: 0 };
    const iam = factory.iam({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' }, counter);
    expect(await iam.config.retryStrategy()).toBeInstanceOf(CrawlRetryStrategy);
    const { seen, handler } = scriptedHandler([
      { status: 400, body: THROTTLED },
      { status: 400, body: THROTTLED },
      { status: 200, body: SUMMARY },
    ]);
    (iam.config as { requestHandler: unknown }).requestHandler = handler;
    const response = await iam.send(new GetAccountSummaryCommand({}));
    expect(response.SummaryMap).toEqual({ Users: 3 });
    expect(seen).toHaveLength(3);
    // Retries are the same logical call: the per-account budget counts it once.
    expect(counter.calls).toBe(1);
  });

  it('leaves endpoints to the SDK, so AWS_ENDPOINT_URL points every client at an emulator', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:5999');
    const factory = createAwsClientFactory({ region: 'eu-west-1' });
    const { seen, handler } = scriptedHandler([{ status: 200, body: SUMMARY }]);
    const iam = factory.iam({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' });
    (iam.config as { requestHandler: unknown }).requestHandler = handler;
    await iam.send(new GetAccountSummaryCommand({}));
    expect(seen).toEqual(['127.0.0.1']);
  });

  it('resolves the default region from the flag first', async () => {
    expect(await createAwsClientFactory({ region: 'ap-southeast-2' }).defaultRegion()).toBe('ap-southeast-2');
  });
});
