// Decides whether bin/keysweep.js runs keysweep again in a child Node process with a larger young
// generation. A scan of a very large snapshot makes millions of short-lived objects per account (findings,
// their advice, their spool lines); in V8's default 16 MiB semi-spaces many survive two scavenges, are
// promoted and then cost full collections: at 1M IAM users garbage collection was 53 s of a 145 s scan,
// and with 64 MiB semi-spaces the scan took 103 s instead of 140 s (same peak RSS within 5%). The size
// of the young generation is fixed when V8 starts (v8.setFlagsFromString has no effect later, tried), so
// the only way to have it is to start Node with it. Small snapshots (where it made no difference) and
// every other command start once, as before.
import { spawn as spawnProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEMI_SPACE_FLAG = '--max-semi-space-size=64';
/**
 * From this snapshot size on (the size from which a scan keeps its findings on disk at once): package.json's
 * config.largeSnapshotBytes, the one place src/io/large-snapshot.ts reads it from too.
 */
export const LARGE_SNAPSHOT_BYTES = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).config.largeSnapshotBytes;

/**
 * The Node flags to run keysweep again with, or null to go on in this process. `args` are keysweep's
 * arguments (process.argv.slice(2)). Never when a semi-space size was given already (by the user, in
 * NODE_OPTIONS or on the command line, or by an earlier relaunch). KEYSWEEP_RELAUNCH_SNAPSHOT_BYTES sets
 * the size (tests; 0 turns it on for any snapshot; "off" never relaunches).
 */
export function youngGenerationFlags(args, { env = process.env, execArgv = process.execArgv, cwd } = {}) {
  const setting = env.KEYSWEEP_RELAUNCH_SNAPSHOT_BYTES;
  if (setting === 'off') return null;
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((flag) => /^--(max-)?semi-space-size/.test(flag))) return null;
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
  return size >= threshold ? [SEMI_SPACE_FLAG] : null;
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
