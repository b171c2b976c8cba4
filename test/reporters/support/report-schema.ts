import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schemaPath = new URL('../../../schemas/report.schema.json', import.meta.url);

/** Compiles the published report.json schema strictly (a sloppy schema fails here, not in users' tools). */
export async function reportValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(await readFile(schemaPath, 'utf8')));
}
