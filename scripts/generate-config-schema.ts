// Regenerates schemas/config.schema.json from the zod config schema (a test fails when it is stale).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/config-schema.js';

export const CONFIG_SCHEMA_PATH = fileURLToPath(new URL('../schemas/config.schema.json', import.meta.url));

export function renderConfigSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(CONFIG_SCHEMA_PATH, renderConfigSchema());
  console.log(`wrote ${CONFIG_SCHEMA_PATH}`);
}
