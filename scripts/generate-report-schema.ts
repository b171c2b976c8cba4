// Regenerates schemas/report.schema.json from the zod report schema (a test fails when it is stale).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderReportSchema } from '../src/report/model/report-file.js';

export const REPORT_SCHEMA_PATH = fileURLToPath(new URL('../schemas/report.schema.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(REPORT_SCHEMA_PATH, renderReportSchema());
  console.log(`wrote ${REPORT_SCHEMA_PATH}`);
}
