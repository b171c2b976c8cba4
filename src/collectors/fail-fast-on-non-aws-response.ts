import { looksUnimplementedByEndpoint } from './aws-error.js';

/**
 * A 500 or 501 answer that is not in any AWS protocol (an emulator's HTML page for an operation it
 * lacks): asking again gets the same page, so retrying it until the call's time budget is spent only
 * costs time per operation. 502/503/504 pages come from gateways and load balancers, where a retry may
 * well succeed: kept. The crawl retry strategy (retry/crawl-retry-strategy.ts), which every client the
 * factory builds uses, refuses a retry for these, so the SDK surfaces the original error at once.
 */
export function isNonAwsResponse(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return (status === 500 || status === 501) && looksUnimplementedByEndpoint(error);
}
