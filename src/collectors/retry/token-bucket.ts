/**
 * Paces calls to an endpoint the whole organization shares (Organizations, SSO Admin, Identity Store):
 * however many accounts are crawled at once, keysweep never asks faster than `ratePerSecond`, so it
 * does not throttle itself. A bucket holds up to `burst` tokens and refills continuously.
 */
export interface TokenBucketOptions {
  ratePerSecond: number;
  burst: number;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  // Waiters queue in order, so a steady stream of calls cannot starve an early one.
  private queue: Promise<void> = Promise.resolve();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1))
      throw new RangeError('a token bucket needs ratePerSecond > 0 and burst >= 1');
    this.clock = options.clock ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.tokens = options.burst;
    this.last = this.clock();
  }

  /** Resolves when the caller may send one request. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeNow());
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async takeNow(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000));
    }
  }

  private refill() {
    const now = this.clock();
    const gained = ((now - this.last) / 1000) * this.options.ratePerSecond;
    this.tokens = Math.min(this.options.burst, this.tokens + gained);
    this.last = now;
  }
}
