// Preloaded into a real `keysweep collect` (node --import) by disk-full-collect.test.ts: the disk fills up
// during the second append to the crawl checkpoint (`*.partial.jsonl`): half of the line reaches the file,
// then the write fails with ENOSPC, as it does on a full disk.

import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const original = fsp.appendFile;
let appends = 0;

fsp.appendFile = async function appendFile(path, data, options) {
  if (!String(path).endsWith('.partial.jsonl')) return original(path, data, options);
  appends += 1;
  if (appends < 2) return original(path, data, options);
  const text = String(data);
  await original(path, text.slice(0, Math.floor(text.length / 2)), options);
  const error = new Error(`ENOSPC: no space left on device, write`);
  Object.assign(error, { code: 'ENOSPC', errno: -28, syscall: 'write' });
  throw error;
};
syncBuiltinESMExports();
