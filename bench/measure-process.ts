import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessMeasure {
  /** Wall-clock seconds, start-up included. */
  seconds: number;
  /** CPU seconds (user + system), as GNU time reports them: moves far less than wall time with the load. */
  cpuSeconds: number;
  /** Peak resident set size in MiB, as GNU time reports it. */
  peakRssMiB: number;
  exitCode: number;
  stderr: string;
}

/**
 * Runs a command as its own process under GNU time, so the figure is what a user pays: start-up,
 * reading, garbage collection, writing. Peak RSS comes from `time -v` (the kernel's high-water mark).
 */
export function measureProcess(command: string, args: readonly string[]): ProcessMeasure {
  const dir = mkdtempSync(join(tmpdir(), 'keysweep-time-'));
  const timeLog = join(dir, 'time.txt');
  try {
    const start = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-v', '-o', timeLog, command, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const log = readFileSync(timeLog, 'utf8');
    return {
      seconds,
      cpuSeconds: timeField(log, 'User time \\(seconds\\)') + timeField(log, 'System time \\(seconds\\)'),
      peakRssMiB: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? 0) / 1024,
      exitCode: run.status ?? -1,
      stderr: firstErrorLine(run.stderr),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeField(log: string, name: string): number {
  return Number(new RegExp(`${name}: ([\\d.]+)`).exec(log)?.[1] ?? 0);
}

/** The line that says what went wrong (a RangeError, V8's heap message, keysweep's one line). */
function firstErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.find((line) => /Error|heap|keysweep:/.test(line)) ?? lines.filter(Boolean).at(-1) ?? '';
}
