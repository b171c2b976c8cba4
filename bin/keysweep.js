#!/usr/bin/env node
// Runs the compiled build when it is up to date (see choose-entry.js), else the TypeScript sources through
// tsx, so `npm ci && npx keysweep --help` works in a clone and an edit is never hidden by an old build.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseEntry } from './choose-entry.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = chooseEntry(root);
if (process.env.KEYSWEEP_DEBUG_ENTRY === '1')
  process.stderr.write(`keysweep: ${entry.kind} (${entry.reason})\n`);
if (entry.kind === 'source') {
  const { tsImport } = await import('tsx/esm/api');
  const cli = await tsImport(pathToFileURL(`${root}src/cli/main.ts`).href, import.meta.url);
  await cli.main();
} else {
  const cli = await import(pathToFileURL(`${root}dist/cli/main.js`).href);
  await cli.main();
}
