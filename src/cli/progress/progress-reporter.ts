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
  constructor(private readonly clock: () => number) {}
  begin(total: number) {
    this.total = total;
    this.started = this.clock();
  }
  record(result: AccountProgress) {
    // Skipped accounts are listed but not part of the work to do.
    if (result.outcome === 'skipped') return;
    this.done += 1;
    if (result.outcome === 'failed' || result.outcome === 'partial') this.failed += 1;
  }
  elapsedSeconds() {
    return (this.clock() - this.started) / 1000;
  }
  /** Remaining seconds, from the average so far; null until one account finished. */
  etaSeconds(): number | null {
    if (this.done === 0) return null;
    return (this.elapsedSeconds() / this.done) * (this.total - this.done);
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
  begin(total: number) {
    this.tally.begin(total);
    this.stream.write(`keysweep: collecting ${total} account(s)\n`);
  }
  accountDone(result: AccountProgress) {
    this.tally.record(result);
    const position = result.outcome === 'skipped' ? '[skipped]' : `[${this.tally.done}/${this.tally.total}]`;
    this.stream.write(`keysweep: ${position} ${describe(result)}\n`);
  }
  note(message: string) {
    this.stream.write(`keysweep: note: ${escapeControlCharacters(message)}\n`);
  }
  end() {
    const { done, failed } = this.tally;
    this.stream.write(
      `keysweep: collected ${done} account(s) in ${this.tally.elapsedSeconds().toFixed(1)} s, ${failed} incomplete\n`,
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
  begin(total: number) {
    this.tally.begin(total);
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
      `keysweep: collected ${done} account(s) in ${formatDuration(this.tally.elapsedSeconds())}, ${failed} incomplete\n`,
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
