// Decides what bin/keysweep.js runs: the compiled build (dist/, fast start) or the TypeScript sources
// through tsx (slow start, always current). A stale dist/ must never run old code in a clone: dist is
// used only when its entry point is at least as new as every file under src/ (a walk of ~200 stats,
// about 2 ms). KEYSWEEP_FROM_SOURCE=1 forces the sources. A published package has no src/: dist it is.
// Within dist, the bundle (dist/bundle/, scripts/bundle-dist.mjs: a few chunks instead of ~200 modules)
// when it is at least as new as tsc's output, else tsc's output itself.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {{ kind: 'dist' | 'source', reason: string }} */
export function chooseEntry(root, env = process.env) {
  const source = join(root, 'src', 'cli', 'main.ts');
  const dist = join(root, 'dist', 'cli', 'main.js');
  const distTime = mtimeOf(dist);
  if (mtimeOf(source) === null) return { kind: 'dist', reason: 'no sources (installed package)' };
  if (env.KEYSWEEP_FROM_SOURCE === '1') return { kind: 'source', reason: 'KEYSWEEP_FROM_SOURCE=1' };
  if (distTime === null) return { kind: 'source', reason: 'no build (npm run build)' };
  const newest = newestMtime(join(root, 'src'));
  if (newest > distTime) return { kind: 'source', reason: 'build older than src/ (npm run build)' };
  return { kind: 'dist', reason: 'build up to date' };
}

/** The dist file to import: the bundle when it was made from the current tsc output, else that output. */
export function distEntryPoint(root) {
  const compiled = join(root, 'dist', 'cli', 'main.js');
  const bundle = join(root, 'dist', 'bundle', 'main.js');
  const bundleTime = mtimeOf(bundle);
  return bundleTime !== null && bundleTime >= (mtimeOf(compiled) ?? 0) ? bundle : compiled;
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Newest modification time of any file or folder below dir (a folder's changes when a file is deleted). */
function newestMtime(dir) {
  let newest = mtimeOf(dir) ?? 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : (mtimeOf(path) ?? 0);
    if (time > newest) newest = time;
  }
  return newest;
}
