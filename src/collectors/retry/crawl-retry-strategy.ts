import { isNonAwsResponse } from '../fail-fast-on-non-aws-response.js';
import type { TokenBucket } from './token-bucket.js';

/**
 * The SDK's retry extension point (RetryStrategyV2 in @smithy/types), declared structurally so
 * keysweep does not import a transitive package. The SDK's retry middleware calls it around every
 * attempt of every command, so the policy lives in one place instead of a wrapper around each call.
 */
export interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}
export type RetryErrorType = 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR';
export interface RetryErrorInfo {
  error?: unknown;
  errorType: RetryErrorType;
  retryAfterHint?: Date;
}

export interface CrawlRetryOptions {
  /** Time one logical call may spend, all attempts and waits included, before its last error stands. */
  callBudgetMs: number;
  /** Backoff base for 5xx and timeouts; doubled per retry, capped, then fully jittered. */
  baseDelayMs?: number;
  /** Backoff base for throttling (AWS asks for slower): larger than baseDelayMs. */
  throttlingBaseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts when the endpoint cannot be reached at all (refused, unknown host): a typo, not load. */
  unreachableAttempts?: number;
  /** Optional hard cap on attempts (first included) inside the budget; none by default. */
  maxAttempts?: number;
  /** Paces every attempt (first and retries) against an organization-wide endpoint. */
  pacer?: Pick<TokenBucket, 'take'>;
  /** Injected in tests so jitter is repeatable. */
  random?: () => number;
  clock?: () => number;
}

export const DEFAULT_CALL_BUDGET_MS = 120_000;

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

class CrawlRetryToken implements RetryToken {
  constructor(
    readonly startedAt: number,
    private readonly retries: number,
    private readonly delay: number,
  ) {}
  getRetryCount() {
    return this.retries;
  }
  getRetryDelay() {
    return this.delay;
  }
}

/** Why an error is never retried, or null when it may be (the decision, testable on its own). */
export function nonRetryableReason(info: RetryErrorInfo): string | null {
  // A 500/501 answer that is not AWS's (an emulator lacking the operation) will not change on asking
  // again; gateway 502-504 pages are not classified so, and stay retried (see isNonAwsResponse).
  if (isNonAwsResponse(info.error)) return 'not an AWS API response';
  // AccessDenied, validation, NoSuchEntity and the like: asking again gives the same answer.
  if (info.errorType === 'CLIENT_ERROR') return 'client error';
  return null;
}

/**
 * Retries throttling, 5xx and timeouts with exponential backoff and full jitter until the call's time
 * budget is spent, rather than a fixed number of attempts: a crawl of thousands of accounts meets
 * throttling every day, and a call that gives up after three tries loses a whole slice of the scan.
 * Each client gets its own instance (no shared retry quota), so one account's throttling never slows
 * another's calls; only org-wide endpoints share a pacer.
 */
export class CrawlRetryStrategy {
  private readonly baseDelayMs: number;
  private readonly throttlingBaseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly unreachableAttempts: number;
  private readonly random: () => number;
  private readonly clock: () => number;

  constructor(private readonly options: CrawlRetryOptions) {
    this.baseDelayMs = options.baseDelayMs ?? 100;
    this.throttlingBaseDelayMs = options.throttlingBaseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 20_000;
    this.unreachableAttempts = options.unreachableAttempts ?? 3;
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? (() => Date.now());
  }

  async acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    await this.options.pacer?.take();
    return new CrawlRetryToken(this.clock(), 0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    // Throwing tells the SDK's middleware to give up and surface the last error unchanged.
    const reason = nonRetryableReason(info);
    if (reason) throw new Error(`not retried: ${reason}`);
    const retries = token.getRetryCount();
    if (isUnreachable(info.error) && retries + 1 >= this.unreachableAttempts)
      throw new Error('not retried: endpoint unreachable');
    if (this.options.maxAttempts !== undefined && retries + 1 >= this.options.maxAttempts)
      throw new Error('not retried: attempt cap reached');
    const startedAt = token instanceof CrawlRetryToken ? token.startedAt : this.clock();
    const base = info.errorType === 'THROTTLING' ? this.throttlingBaseDelayMs : this.baseDelayMs;
    const ceiling = Math.min(this.maxDelayMs, base * 2 ** retries);
    let delay = Math.floor(this.random() * ceiling);
    if (info.retryAfterHint) delay = Math.max(delay, info.retryAfterHint.getTime() - this.clock());
    if (this.clock() + delay - startedAt > this.options.callBudgetMs)
      throw new Error('not retried: call time budget spent');
    await this.options.pacer?.take();
    return new CrawlRetryToken(startedAt, retries + 1, delay);
  }

  recordSuccess(_token: RetryToken): void {}
}

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}
