// Regenerates schemas/plan.schema.json from the zod plan schema (a test fails when it is stale).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { planJsonSchema } from '../src/migration-kit/plan-schema.js';

export const PLAN_SCHEMA_PATH = fileURLToPath(new URL('../schemas/plan.schema.json', import.meta.url));

export function renderPlanSchema(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(PLAN_SCHEMA_PATH, renderPlanSchema());
  console.log(`wrote ${PLAN_SCHEMA_PATH}`);
}
