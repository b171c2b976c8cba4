// npm run bench:startup (also the first part of npm run bench)
// Start-up of whole `keysweep` processes, as a user who ran `npm ci` gets them (bin/keysweep.js, which runs
// dist/ when the build is up to date: run `npm run build` first, or the figures are tsx's). Each command
// runs 10 times, round-robin with `node -e 0` so that a busy machine slows all of them alike; the figure is
// the median, and the ratio is to the median of `node -e 0` in the same run. On a shared machine the wall
// clock says as much about the neighbours as about keysweep: the CPU time (user + system, from GNU time)
// is printed beside it, also as a ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 10;

interface StartUpCase {
  label: string;
  args: readonly string[];
  /** The goal, as a multiple of `node -e 0`. */
  goal?: number;
}

export interface StartUpResult {
  label: string;
  /** Median wall-clock seconds, and its ratio to `node -e 0`'s. */
  medianSeconds: number;
  ratio: number;
  /** Median CPU seconds (user + system), and its ratio to `node -e 0`'s. */
  medianCpuSeconds: number;
  cpuRatio: number;
  goal?: number;
}

interface Run {
  wall: number;
  cpu: number;
}

function timeProcess(args: readonly string[], timeLog: string): Run {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeLog, process.execPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.trim().split('\n')[0]}`);
  }
  const [user, system] = readFileSync(timeLog, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: user! + system! };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Which entry bin/keysweep.js runs (dist or the sources through tsx), as it says itself. */
function entryKind(bin: string): string {
  const run = spawnSync(process.execPath, [bin, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, KEYSWEEP_DEBUG_ENTRY: '1' },
  });
  return /keysweep: (.*)/.exec(run.stderr)?.[1] ?? 'unknown';
}

export function measureStartUp(bin: string, rounds = RUNS): StartUpResult[] {
  const out = mkdtempSync(join(tmpdir(), 'keysweep-startup-'));
  const demoOut = join(out, 'demo');
  const cases: StartUpCase[] = [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'keysweep --version', args: [bin, '--version'], goal: 2 },
    { label: 'keysweep --help', args: [bin, '--help'], goal: 2 },
    { label: 'keysweep rules', args: [bin, 'rules'], goal: 3 },
    {
      label: 'keysweep scan --demo',
      args: [bin, 'scan', '--demo', '--out', demoOut, '--now', '2026-12-01T00:00:00Z', '--quiet'],
      goal: 6,
    },
  ];
  const timeLog = join(out, 'time.txt');
  try {
    const runs = cases.map(() => [] as Run[]);
    for (const c of cases) timeProcess(c.args, timeLog); // warm the file cache once
    for (let round = 0; round < rounds; round += 1) {
      for (const [i, c] of cases.entries()) runs[i]!.push(timeProcess(c.args, timeLog));
    }
    const floor = median(runs[0]!.map((r) => r.wall));
    const cpuFloor = median(runs[0]!.map((r) => r.cpu));
    return cases.map((c, i) => {
      const medianSeconds = median(runs[i]!.map((r) => r.wall));
      const medianCpuSeconds = median(runs[i]!.map((r) => r.cpu));
      return {
        label: c.label,
        medianSeconds,
        ratio: medianSeconds / floor,
        medianCpuSeconds,
        cpuRatio: medianCpuSeconds / cpuFloor,
        ...(c.goal ? { goal: c.goal } : {}),
      };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function printStartUp(bin: string, runs = RUNS): void {
  console.log(
    `start-up (median of ${runs} whole processes each; keysweep runs ${entryKind(bin)}; load average ${loadAverage()})`,
  );
  console.log(
    `  ${''.padEnd(28)} ${'wall'.padStart(8)}  ${'x node -e 0'.padStart(11)}  ${'cpu'.padStart(8)}  ${'x node -e 0'.padStart(11)}  goal`,
  );
  for (const r of measureStartUp(bin, runs)) {
    const verdict =
      r.goal === undefined
        ? ''
        : `≤ ${r.goal}x: wall ${r.ratio <= r.goal ? 'meets' : 'MISSES'}, cpu ${r.cpuRatio <= r.goal ? 'meets' : 'MISSES'}`;
    console.log(
      `  ${r.label.padEnd(28)} ${r.medianSeconds.toFixed(3).padStart(7)}s  ${r.ratio.toFixed(2).padStart(10)}x  ${r.medianCpuSeconds.toFixed(3).padStart(7)}s  ${r.cpuRatio.toFixed(2).padStart(10)}x  ${verdict}`,
    );
  }
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printStartUp(join(import.meta.dirname, '..', 'bin', 'keysweep.js'));
}
