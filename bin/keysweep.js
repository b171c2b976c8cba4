#!/usr/bin/env node
// Runs the compiled build when it is up to date (see choose-entry.js), else the TypeScript sources through
// tsx, so `npm ci && npx keysweep --help` works in a clone and an edit is never hidden by an old build.
// A scan of a very large snapshot runs in a child Node process with a larger young generation (see
// young-generation.js): its exit status, output and signals are the child's.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseEntry } from './choose-entry.js';
import { youngGenerationFlags } from './young-generation.js';

const debug = process.env.KEYSWEEP_DEBUG_ENTRY === '1';
const relaunchWith = youngGenerationFlags(process.argv.slice(2));
if (relaunchWith) {
  if (debug) process.stderr.write(`keysweep: relaunched with ${relaunchWith.join(' ')}\n`);
  const args = [
    ...process.execArgv,
    ...relaunchWith,
    fileURLToPath(import.meta.url),
    ...process.argv.slice(2),
  ];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  // A signal sent to this process alone (kill, a CI runner's timeout) reaches the scan too; a terminal's
  // Ctrl-C reaches both already. The child removes its temporary files and dies of the signal; so does this.
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 1);
    }
  });
} else {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const entry = chooseEntry(root);
  if (debug) process.stderr.write(`keysweep: ${entry.kind} (${entry.reason})\n`);
  if (entry.kind === 'source') {
    const { tsImport } = await import('tsx/esm/api');
    const cli = await tsImport(pathToFileURL(`${root}src/cli/main.ts`).href, import.meta.url);
    await cli.main();
  } else {
    const cli = await import(pathToFileURL(`${root}dist/cli/main.js`).href);
    await cli.main();
  }
}
