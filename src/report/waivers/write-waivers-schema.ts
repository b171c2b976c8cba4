/**
 * Regenerates schemas/waivers.schema.json from the zod schema (a script, run on purpose):
 *   npx tsx src/report/waivers/write-waivers-schema.ts
 * test/report/waivers/waivers-file.test.ts fails when the committed file is stale.
 */
import { writeFile } from 'node:fs/promises';
import { waiversSchemaText } from './waiver-schema.js';

const target = new URL('../../../schemas/waivers.schema.json', import.meta.url);
await writeFile(target, waiversSchemaText());
console.log(`wrote ${target.pathname}`);
