#!/usr/bin/env node
// Runs the compiled CLI when installed from a package, or the TypeScript sources (through tsx) in a clone,
// so `npm ci && npx keysweep --help` works without a build step.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}src/cli/main.ts`;
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  const cli = await tsImport(pathToFileURL(source).href, import.meta.url);
  await cli.main();
} else {
  const cli = await import(pathToFileURL(`${root}dist/cli/main.js`).href);
  await cli.main();
}
