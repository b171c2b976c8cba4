import { rmSync } from 'node:fs';

/**
 * Temporary files this process is writing (the `.<hex>.tmp` of an atomic write, the probe of an output
 * check, the staging directory of a kit that replaces its directory whole): removed however the process ends, by its own exit or by Ctrl-C / SIGTERM while a report of
 * many megabytes is being written, so an interrupted run leaves nothing of its own in --out. The spool of
 * a large scan keeps its own such list (src/reporters/spool/spool-file.ts); both end the same way.
 */
const live = new Set<string>();
let hooked = false;

/** Registers `path` until the returned function is called (after its rename, or its removal). */
export function trackTemporaryFile(path: string): () => void {
  live.add(path);
  hookOnce();
  return () => {
    live.delete(path);
  };
}

function hookOnce(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeAll();
      // Die of the signal as if keysweep had not handled it (exit status 128 + signal), unless another
      // handler of it (collect's "run again with --resume" line) is still to run and ends the process itself.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function removeAll(): void {
  for (const path of [...live]) {
    rmSync(path, { force: true, recursive: true });
    live.delete(path);
  }
}
