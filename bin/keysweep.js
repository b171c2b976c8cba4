#!/usr/bin/env node
// Runs the compiled build when it is up to date (see choose-entry.js), else the TypeScript sources through
// tsx, so `npm ci && npx keysweep --help` works in a clone and an edit is never hidden by an old build.
// A scan of a very large snapshot runs in a child Node process with a larger young generation (see
// young-generation.js): its exit status, output and signals are the child's.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseEntry, distEntryPoint } from './choose-entry.js';
import { relaunch, SnapshotTooLargeError, youngGenerationFlags } from './young-generation.js';

const debug = process.env.KEYSWEEP_DEBUG_ENTRY === '1';

async function runHere() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const entry = chooseEntry(root);
  const distEntry = entry.kind === 'dist' ? distEntryPoint(root) : undefined;
  if (debug)
    process.stderr.write(`keysweep: ${entry.kind} (${entry.reason})${distEntry ? ` ${distEntry}` : ''}\n`);
  if (entry.kind === 'source') {
    const { tsImport } = await import('tsx/esm/api');
    const cli = await tsImport(pathToFileURL(`${root}src/cli/main.ts`).href, import.meta.url);
    await cli.main();
  } else {
    const cli = await import(pathToFileURL(distEntry).href);
    await cli.main();
  }
}

const args = process.argv.slice(2);
let relaunchWith;
try {
  relaunchWith = youngGenerationFlags(args);
} catch (error) {
  if (!(error instanceof SnapshotTooLargeError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
if (relaunchWith) {
  if (debug) process.stderr.write(`keysweep: relaunched with ${relaunchWith.join(' ')}\n`);
  relaunch(relaunchWith, fileURLToPath(import.meta.url), args, { runHere });
} else {
  await runHere();
}
