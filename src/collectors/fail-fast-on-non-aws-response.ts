import { looksUnimplementedByEndpoint } from './aws-error.js';

/**
 * A 500 or 501 answer that is not in any AWS protocol (an emulator's HTML page for an operation it
 * lacks): asking again gets the same page, so retrying it eight times only costs seconds per operation.
 * 502/503/504 pages come from gateways and load balancers, where a retry may well succeed: kept.
 */
export function isNonAwsResponse(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return (status === 500 || status === 501) && looksUnimplementedByEndpoint(error);
}

/** The parts of the SDK's retry strategy (v2) the retry middleware calls. */
interface RetryStrategyV2 {
  mode?: string;
  acquireInitialRetryToken(scope: string): Promise<unknown>;
  refreshRetryTokenForRetry(token: unknown, errorInfo: { error?: unknown }): Promise<unknown>;
  recordSuccess(token: unknown): void;
}

function isRetryStrategyV2(strategy: unknown): strategy is RetryStrategyV2 {
  return (
    typeof strategy === 'object' &&
    strategy !== null &&
    typeof (strategy as RetryStrategyV2).refreshRetryTokenForRetry === 'function'
  );
}

/**
 * Wraps a built client's retry strategy so that a non-AWS response is not retried: when the strategy
 * refuses a retry token, the SDK's retry middleware throws the original error at once. Everything else
 * (throttling, real 5xx from AWS, network errors) is left to the strategy the client was built with.
 */
export function failFastOnNonAwsResponses<T extends { config: object }>(client: T): T {
  const config = client.config as { retryStrategy?: () => Promise<unknown> };
  const resolveStrategy = config.retryStrategy;
  if (typeof resolveStrategy !== 'function') return client;
  let wrapped: Promise<unknown> | undefined;
  config.retryStrategy = () => {
    wrapped ??= resolveStrategy().then((strategy) => {
      if (!isRetryStrategyV2(strategy)) return strategy;
      const failFast: RetryStrategyV2 = {
        mode: strategy.mode,
        acquireInitialRetryToken: (scope) => strategy.acquireInitialRetryToken(scope),
        refreshRetryTokenForRetry: async (token, errorInfo) => {
          if (isNonAwsResponse(errorInfo.error)) throw errorInfo.error;
          return strategy.refreshRetryTokenForRetry(token, errorInfo);
        },
        recordSuccess: (token) => strategy.recordSuccess(token),
      };
      return failFast;
    });
    return wrapped;
  };
  return client;
}
