// Decides whether bin/keysweep.js runs keysweep again in a child Node process with a larger young
// generation. A scan of a very large snapshot makes millions of short-lived objects per account (findings,
// their advice, their spool lines); in V8's default 16 MiB semi-spaces many survive two scavenges, are
// promoted and then cost full collections: at 1M IAM users garbage collection was 53 s of a 145 s scan,
// and with 64 MiB semi-spaces the scan took 103 s instead of 140 s (same peak RSS within 5%). The size
// of the young generation is fixed when V8 starts (v8.setFlagsFromString has no effect later, tried), so
// the only way to have it is to start Node with it. Small snapshots (where it made no difference) and
// every other command start once, as before.
//
// The same child gets a heap cap chosen from the snapshot's size and the machine's memory: with Node's
// default heap (up to 4 GiB) V8 let a 1M-user scan grow to 3.1 GiB of RSS although its live data peaks
// near 1 GiB, and in a 1.5 GiB heap the same scan took as long and stayed under 2 GB. When even a tight
// heap cannot fit in the machine's memory, keysweep says so in one line (exit 2) before reading anything,
// instead of crashing out of memory minutes later.
import { spawn as spawnProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';

export const SEMI_SPACE_FLAG = '--max-semi-space-size=64';
/**
 * From this snapshot size on (the size from which a scan keeps its findings on disk at once): package.json's
 * config.largeSnapshotBytes, the one place src/io/large-snapshot.ts reads it from too.
 */
export const LARGE_SNAPSHOT_BYTES = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).config.largeSnapshotBytes;

const MiB = 2 ** 20;
/** Heap a scan wants per snapshot byte (src/cli/heap-headroom.ts, measured with npm run bench). */
export const HEAP_BYTES_PER_SNAPSHOT_BYTE = 1.5;
/** The least heap a scan completes in, per snapshot byte (its live data peaks at ~1.0 byte). */
export const MIN_HEAP_BYTES_PER_SNAPSHOT_BYTE = 1.1;
/** Memory a scan uses beyond the old space: the young generation (3 × 64 MiB), code, buffers, Node. */
export const NON_HEAP_BYTES = 512 * MiB;

/** A snapshot too large for this machine's memory: keysweep prints the message and exits 2. */
export class SnapshotTooLargeError extends Error {}

/**
 * Memory this process may use: the machine's, or its container's limit when lower; KEYSWEEP_MEMORY_BYTES
 * says how much to plan for instead (a machine shared with other jobs; tests).
 */
export function availableMemory(env = process.env) {
  const setting = env.KEYSWEEP_MEMORY_BYTES;
  if (setting !== undefined && /^\d+$/.test(setting)) return Number(setting);
  const constrained = process.constrainedMemory?.();
  return Math.min(totalmem(), constrained ? constrained : Number.POSITIVE_INFINITY);
}

/**
 * The --max-old-space-size flag for a scan of a snapshot of `size` bytes on a machine with `memory` bytes:
 * 1.5 × the snapshot (at least 1 GiB, in steps of 256 MiB), less when the machine has less, never below
 * 1.1 × the snapshot: then a SnapshotTooLargeError saying what to do instead.
 */
export function heapCapFlag(size, memory, snapshotPath) {
  const step = 256 * MiB;
  const wanted = Math.max(1024 * MiB, Math.ceil((size * HEAP_BYTES_PER_SNAPSHOT_BYTE) / step) * step);
  const room = Math.floor((memory - NON_HEAP_BYTES) / step) * step;
  const cap = Math.min(wanted, room);
  if (cap < size * MIN_HEAP_BYTES_PER_SNAPSHOT_BYTE) {
    const gib = (bytes) => (bytes / (1024 * MiB)).toFixed(1);
    throw new SnapshotTooLargeError(
      `keysweep: ${JSON.stringify(snapshotPath)} (${Math.round(size / MiB)} MiB) needs about ` +
        `${gib(size * MIN_HEAP_BYTES_PER_SNAPSHOT_BYTE + NON_HEAP_BYTES)} GiB of memory to scan and this machine ` +
        `has ${gib(memory)} GiB: scan it on a larger machine, or in parts (keysweep collect --shard K/N ` +
        `writes one snapshot a part); NODE_OPTIONS=--max-old-space-size=MiB runs it with that heap anyway`,
    );
  }
  return `--max-old-space-size=${cap / MiB}`;
}

/**
 * The Node flags to run keysweep again with, or null to go on in this process. `args` are keysweep's
 * arguments (process.argv.slice(2)). The semi-space size and the heap cap each only when not given
 * already (by the user, in NODE_OPTIONS or on the command line, or by an earlier relaunch).
 * KEYSWEEP_RELAUNCH_SNAPSHOT_BYTES sets the size (tests; 0 turns it on for any snapshot; "off" never
 * relaunches). Throws SnapshotTooLargeError when the snapshot cannot fit in `memory`.
 */
export function youngGenerationFlags(
  args,
  { env = process.env, execArgv = process.execArgv, cwd, memory = availableMemory(env) } = {},
) {
  const setting = env.KEYSWEEP_RELAUNCH_SNAPSHOT_BYTES;
  if (setting === 'off') return null;
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flags = [];
  if (!given.some((flag) => /^--(max-)?semi-space-size/.test(flag))) flags.push(SEMI_SPACE_FLAG);
  const capGiven = given.some((flag) => /^--max-old-space-size/.test(flag));
  if (flags.length === 0 && capGiven) return null;
  if (args[0] !== 'scan') return null;
  const snapshot = snapshotArgument(args);
  if (snapshot === undefined) return null;
  const threshold = setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : LARGE_SNAPSHOT_BYTES;
  let size;
  try {
    size = statSync(resolve(cwd ?? process.cwd(), snapshot)).size;
  } catch {
    return null; // The scan itself says what is wrong with the file.
  }
  if (size < threshold) return null;
  if (!capGiven) flags.push(heapCapFlag(size, memory, snapshot));
  return flags;
}

/** The value of --snapshot (either spelling), as commander reads it; undefined if absent. */
function snapshotArgument(args) {
  for (let i = 1; i < args.length; i += 1) {
    if (args[i] === '--') return undefined;
    if (args[i] === '--snapshot') return args[i + 1];
    if (args[i].startsWith('--snapshot=')) return args[i].slice('--snapshot='.length);
  }
  return undefined;
}

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `script` with `args` again in a child Node with `flags`, and ends this process as the child ends
 * (its exit status, or its signal). A signal sent to this process alone (kill, a CI runner's timeout)
 * is passed on; a terminal's Ctrl-C reaches both already. If the child cannot be started at all (no
 * memory or processes left), `runHere()` runs keysweep in this process instead: slower, never lost.
 */
export function relaunch(flags, script, args, { spawn = spawnProcess, runHere, proc = process } = {}) {
  const child = spawn(proc.execPath, [...proc.execArgv, ...flags, script, ...args], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) proc.on(signal, forward);
  child.on('error', (error) => {
    if (child.pid !== undefined) return; // started: its exit decides
    for (const signal of FORWARDED) proc.off(signal, forward);
    proc.stderr.write(
      `keysweep: could not start a child process (${error.code ?? error.message}); scanning here\n`,
    );
    runHere();
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      proc.removeAllListeners(signal);
      proc.kill(proc.pid, signal);
    } else {
      proc.exit(code ?? 1);
    }
  });
}
