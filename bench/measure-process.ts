import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessMeasure {
  /** Wall-clock seconds, start-up included. */
  seconds: number;
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
      peakRssMiB: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? 0) / 1024,
      exitCode: run.status ?? -1,
      stderr: run.stderr.trim().split('\n').slice(-3).join(' | '),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
