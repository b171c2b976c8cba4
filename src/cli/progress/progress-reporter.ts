import type { AccountProgress, CollectionProgress } from '../../collectors/collection-progress.js';
import { silentProgress } from '../../collectors/collection-progress.js';
import { escapeControlCharacters } from '../../io/escape-control-characters.js';

/** Where progress goes: stderr, so reports written to stdout or files are never mixed with it. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  quiet?: boolean;
  clock?: () => number;
}

/** A bar on a terminal, plain lines in logs (CI), nothing with --quiet. */
export function createProgress(options: ProgressOptions): CollectionProgress {
  if (options.quiet) return silentProgress;
  const clock = options.clock ?? (() => Date.now());
  return options.stream.isTTY
    ? new ProgressBar(options.stream, clock)
    : new ProgressLines(options.stream, clock);
}

class Tally {
  total = 0;
  done = 0;
  failed = 0;
  started = 0;
  concurrency = 1;
  /** Observed per-account wall times (ms), with the account, for the ETA and the slowest-accounts line. */
  readonly durations: Array<{ accountId: string; ms: number }> = [];
  constructor(private readonly clock: () => number) {}
  begin(total: number, concurrency = 1) {
    this.total = total;
    this.concurrency = Math.max(1, concurrency);
    this.started = this.clock();
  }
  record(result: AccountProgress) {
    // Skipped accounts are listed but not part of the work to do.
    if (result.outcome === 'skipped') return;
    this.done += 1;
    if (result.outcome === 'failed' || result.outcome === 'partial') this.failed += 1;
    if (result.durationMs !== undefined)
      this.durations.push({ accountId: result.accountId, ms: result.durationMs });
  }
  /** "slowest: 111111111111 42.0 s, …": where a long crawl spent its time. */
  slowest(count = 3): string {
    if (this.durations.length < 2) return '';
    const top = [...this.durations].sort((a, b) => b.ms - a.ms).slice(0, count);
    return `; slowest: ${top.map((d) => `${d.accountId} ${(d.ms / 1000).toFixed(1)} s`).join(', ')}`;
  }
  elapsedSeconds() {
    return (this.clock() - this.started) / 1000;
  }
  /**
   * Remaining seconds; null until one account finished. From observed per-account times when known
   * (mean time x accounts left / accounts crawled at once): the elapsed-time average misleads early,
   * when the first `concurrency` accounts all finish together.
   */
  etaSeconds(): number | null {
    if (this.done === 0) return null;
    const remaining = this.total - this.done;
    if (this.durations.length === 0) return (this.elapsedSeconds() / this.done) * remaining;
    const meanSeconds = this.durations.reduce((sum, d) => sum + d.ms, 0) / this.durations.length / 1000;
    return (meanSeconds * remaining) / Math.min(this.concurrency, Math.max(1, remaining));
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Account names and AWS error text are data: escaped so they cannot drive the terminal. */
function describe(result: AccountProgress): string {
  const what = `${result.accountId} (${result.name}) ${result.outcome}`;
  const calls = result.outcome === 'skipped' ? '' : ` — ${result.calls} IAM/STS calls`;
  return escapeControlCharacters(`${what}${calls}${result.detail ? `: ${result.detail}` : ''}`);
}

class ProgressLines implements CollectionProgress {
  private readonly tally: Tally;
  constructor(
    private readonly stream: ProgressStream,
    clock: () => number,
  ) {
    this.tally = new Tally(clock);
  }
  begin(total: number, concurrency?: number) {
    this.tally.begin(total, concurrency);
    this.stream.write(`keysweep: collecting ${total} account(s)\n`);
  }
  accountDone(result: AccountProgress) {
    this.tally.record(result);
    const eta = this.tally.durations.length > 0 ? this.tally.etaSeconds() : null;
    const left = eta !== null && this.tally.done < this.tally.total ? ` ETA ${formatDuration(eta)}` : '';
    const position =
      result.outcome === 'skipped' ? '[skipped]' : `[${this.tally.done}/${this.tally.total}${left}]`;
    this.stream.write(`keysweep: ${position} ${describe(result)}\n`);
  }
  note(message: string) {
    this.stream.write(`keysweep: note: ${escapeControlCharacters(message)}\n`);
  }
  end() {
    const { done, failed } = this.tally;
    this.stream.write(
      `keysweep: collected ${done} account(s) in ${this.tally.elapsedSeconds().toFixed(1)} s, ${failed} incomplete${this.tally.slowest()}\n`,
    );
  }
}

const BAR_WIDTH = 24;

class ProgressBar implements CollectionProgress {
  private readonly tally: Tally;
  constructor(
    private readonly stream: ProgressStream,
    clock: () => number,
  ) {
    this.tally = new Tally(clock);
  }
  begin(total: number, concurrency?: number) {
    this.tally.begin(total, concurrency);
    this.draw();
  }
  accountDone(result: AccountProgress) {
    this.tally.record(result);
    // Failures stay on screen above the bar; successes only move it.
    if (result.outcome === 'failed' || result.outcome === 'partial') this.above(describe(result));
    else this.draw();
  }
  note(message: string) {
    this.above(`note: ${escapeControlCharacters(message)}`);
  }
  end() {
    this.stream.write('\r\x1b[2K');
    const { done, failed } = this.tally;
    this.stream.write(
      `keysweep: collected ${done} account(s) in ${formatDuration(this.tally.elapsedSeconds())}, ${failed} incomplete${this.tally.slowest()}\n`,
    );
  }
  private above(line: string) {
    this.stream.write(`\r\x1b[2Kkeysweep: ${line}\n`);
    this.draw();
  }
  private draw() {
    const { done, total, failed } = this.tally;
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const eta = this.tally.etaSeconds();
    const text = `keysweep [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} accounts · ${failed} failed · ETA ${eta === null ? '?' : formatDuration(eta)}`;
    this.stream.write(`\r\x1b[2K${text.slice(0, (this.stream.columns ?? 120) - 1)}`);
  }
}
