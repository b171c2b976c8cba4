import { IAMClient } from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
// A non-AWS answer (an HTML 500 page) is not retried: see fail-fast-on-non-aws-response.ts.
import { failFastOnNonAwsResponses as failFast } from './fail-fast-on-non-aws-response.js';

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
  ssoAdmin(region: string): SSOAdminClient;
  identityStore(region: string): IdentitystoreClient;
  /** The region the SDK would use (flag, environment, profile), resolved once. */
  defaultRegion(): Promise<string>;
}

export interface ClientFactoryOptions {
  profile?: string;
  region?: string;
  /** Attempts per request: adaptive mode adds client-side rate limiting when AWS throttles. */
  maxAttempts?: number;
}

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
  // Endpoints are deliberately left to the SDK so AWS_ENDPOINT_URL (and per-service variants) keep working.
  const base = (region: string | (() => Promise<string>)) => ({
    region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(credentials ? { credentials } : {}),
    retryMode: 'adaptive' as const,
    maxAttempts: options.maxAttempts ?? 8,
  });
  return {
    organizations: () => failFast(new OrganizationsClient(base(defaultRegion))),
    sts: () => failFast(new STSClient(base(defaultRegion))),
    iam: (assumed, counter) => {
      const client = failFast(
        new IAMClient({ ...base(defaultRegion), ...(assumed ? { credentials: assumed } : {}) }),
      );
      if (counter) countRequests(client, counter);
      return client;
    },
    ssoAdmin: (region) => failFast(new SSOAdminClient(base(region))),
    identityStore: (region) => failFast(new IdentitystoreClient(base(region))),
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
