import { looksUnimplementedByEndpoint } from './aws-error.js';

/**
 * An answer that is not in any AWS protocol (an HTML 500 page from an emulator or a proxy): asking again
 * gets the same page, so retrying it eight times only costs seconds per operation.
 */
export function isNonAwsResponse(error: unknown): boolean {
  return looksUnimplementedByEndpoint(error);
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
