// Regenerates schemas/access-matrix.schema.json from the zod schema (a test fails when it is stale).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { accessMatrixJsonSchema } from '../src/access-matrix/access-matrix-schema.js';

export const ACCESS_SCHEMA_PATH = fileURLToPath(
  new URL('../schemas/access-matrix.schema.json', import.meta.url),
);

export function renderAccessSchema(): string {
  return `${JSON.stringify(accessMatrixJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(ACCESS_SCHEMA_PATH, renderAccessSchema());
  console.log(`wrote ${ACCESS_SCHEMA_PATH}`);
}
