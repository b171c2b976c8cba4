// Decides whether bin/keysweep.js runs keysweep again in a child Node process with a larger young
// generation. A scan of a very large snapshot makes millions of short-lived objects per account (findings,
// their advice, their spool lines); in V8's default 16 MiB semi-spaces many survive two scavenges, are
// promoted and then cost full collections: at 1M IAM users garbage collection was 53 s of a 145 s scan,
// and with 64 MiB semi-spaces the scan took 103 s instead of 140 s (same peak RSS within 5%). The size
// of the young generation is fixed when V8 starts (v8.setFlagsFromString has no effect later, tried), so
// the only way to have it is to start Node with it. Small snapshots (where it made no difference) and
// every other command start once, as before.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEMI_SPACE_FLAG = '--max-semi-space-size=64';
/** From this snapshot size on (the size from which a scan keeps its findings on disk at once). */
export const LARGE_SNAPSHOT_BYTES = 256 * 2 ** 20;

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
