import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { IAMClient } from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { CrawlRetryStrategy, DEFAULT_CALL_BUDGET_MS } from './retry/crawl-retry-strategy.js';
import { TokenBucket } from './retry/token-bucket.js';

/** Temporary or long-term credentials, as the SDK takes them (kept in memory only). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Counts the requests a client sends, so a scan can report (and tests can check) calls per account. */
export interface CallCounter {
  calls: number;
}

/**
 * Builds SDK clients on demand. Collectors receive one instead of building clients themselves, so
 * nothing reaches AWS at import time and tests can hand in mocked clients.
 */
export interface AwsClientFactory {
  organizations(): OrganizationsClient;
  sts(): STSClient;
  /** IAM with the caller's credentials, or with credentials from AssumeRole for a member account. */
  iam(credentials?: AwsCredentials, counter?: CallCounter): IAMClient;
  /** sso-admin in `region`, with the caller's credentials or a member account's (account instances). */
  ssoAdmin(region: string, credentials?: AwsCredentials, counter?: CallCounter): SSOAdminClient;
  identityStore(region: string, credentials?: AwsCredentials, counter?: CallCounter): IdentitystoreClient;
  /** IAM Access Analyzer with the caller's credentials (an organization analyzer lives with the caller). */
  accessAnalyzer?(region: string): AccessAnalyzerClient;
  /** The region the SDK would use (flag, environment, profile), resolved once. */
  defaultRegion(): Promise<string>;
}

export interface ClientFactoryOptions {
  profile?: string;
  region?: string;
  /** Time one call may spend retrying throttling, 5xx and timeouts (see retry/crawl-retry-strategy.ts). */
  callBudgetMs?: number;
  /** One attempt that has not answered after this long is a timeout (retried within the budget). */
  requestTimeoutMs?: number;
  /** Requests per second to the organization-wide endpoints; keysweep paces itself below these. */
  pacing?: Partial<Record<PacedService, number>>;
  /** Optional cap on attempts inside the budget (tests that count requests); none by default. */
  maxAttempts?: number;
  /** Injected in tests so retry jitter is repeatable. */
  random?: () => number;
}

export type PacedService = 'organizations' | 'ssoAdmin' | 'identityStore';

// Conservative rates for the services with one endpoint for the whole organization: well under the
// request quotas AWS publishes for them, so a crawl of any size does not throttle itself.
export const DEFAULT_PACING: Record<PacedService, number> = {
  organizations: 8,
  ssoAdmin: 15,
  identityStore: 15,
};

// IAM, STS and Organizations are global services; any region resolves to their global endpoints.
const GLOBAL_FALLBACK_REGION = 'us-east-1';

export function createAwsClientFactory(options: ClientFactoryOptions): AwsClientFactory {
  const credentials: ReturnType<typeof fromIni> | undefined = options.profile
    ? fromIni({ profile: options.profile })
    : undefined; // undefined: the SDK default chain (environment, SSO, profiles, instance roles)
  let regionPromise: Promise<string> | undefined;
  const defaultRegion = (): Promise<string> => {
    regionPromise ??= resolveRegion(options);
    return regionPromise;
  };
  const pacers = Object.fromEntries(
    (Object.keys(DEFAULT_PACING) as PacedService[]).map((service) => {
      const rate = options.pacing?.[service] ?? DEFAULT_PACING[service];
      return [service, new TokenBucket({ ratePerSecond: rate, burst: Math.max(1, Math.ceil(rate)) })];
    }),
  ) as Record<PacedService, TokenBucket>;
  // Endpoints are deliberately left to the SDK so AWS_ENDPOINT_URL (and per-service variants) keep working.
  // Every client gets its own retry strategy: no retry quota or rate limiter is shared between accounts.
  const base = (region: string | (() => Promise<string>), paced?: PacedService) => ({
    region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(credentials ? { credentials } : {}),
    retryStrategy: new CrawlRetryStrategy({
      callBudgetMs: options.callBudgetMs ?? DEFAULT_CALL_BUDGET_MS,
      ...(paced ? { pacer: pacers[paced] } : {}),
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      ...(options.random ? { random: options.random } : {}),
    }),
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 30_000, connectionTimeout: 10_000 },
  });
  return {
    organizations: () => new OrganizationsClient(base(defaultRegion, 'organizations')),
    sts: () => new STSClient(base(defaultRegion)),
    iam: (assumed, counter) => {
      const client = new IAMClient({ ...base(defaultRegion), ...(assumed ? { credentials: assumed } : {}) });
      if (counter) countRequests(client, counter);
      return client;
    },
    ssoAdmin: (region, assumed, counter) => {
      const client = new SSOAdminClient({
        ...base(region, 'ssoAdmin'),
        ...(assumed ? { credentials: assumed } : {}),
      });
      if (counter) countRequests(client as unknown as IAMClient, counter);
      return client;
    },
    identityStore: (region, assumed, counter) => {
      const client = new IdentitystoreClient({
        ...base(region, 'identityStore'),
        ...(assumed ? { credentials: assumed } : {}),
      });
      if (counter) countRequests(client as unknown as IAMClient, counter);
      return client;
    },
    accessAnalyzer: (region) => new AccessAnalyzerClient(base(region)),
    defaultRegion,
  };
}

async function resolveRegion(options: ClientFactoryOptions): Promise<string> {
  if (options.region) return options.region;
  const probe = new STSClient(options.profile ? { profile: options.profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return GLOBAL_FALLBACK_REGION;
  } finally {
    probe.destroy();
  }
}

/** Counts each logical command once (retries of the same command are not counted again). */
export function countRequests(
  client: { middlewareStack: IAMClient['middlewareStack'] },
  counter: CallCounter,
) {
  client.middlewareStack.add(
    (next) => async (args) => {
      counter.calls += 1;
      return next(args);
    },
    { step: 'initialize', name: 'keysweepCallCounter' },
  );
}
