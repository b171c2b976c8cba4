// npx tsx bench/stages.ts [-- --accounts N --users-per-account M]
// Measures the offline half of the pipeline on a synthetic organization: snapshot validation (zod),
// rule evaluation, and report-model building. Figures are wall-clock on this machine; compare ratios.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSnapshot } from '../src/inventory/snapshot-file.js';
import { writeFilesAtomic } from '../src/io/atomic-write.js';
import { buildReportModel } from '../src/report/model/report-model.js';
import { renderReports } from '../src/reporters/index.js';
import { ALL_RULES } from '../src/rules/catalog/index.js';
import { evaluate } from '../src/rules/engine.js';
import { syntheticOrganization } from './synthetic-organization.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    'users-per-account': { type: 'string', default: '100' },
  },
});
const accounts = Number(values.accounts);
const perAccount = Number(values['users-per-account']);
const now = new Date('2026-12-01T00:00:00Z');

function time<T>(label: string, fn: () => T): T {
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms   heap ${heap.toFixed(0)} MiB`);
  return result;
}

async function timeAsync(label: string, fn: () => Promise<void>): Promise<void> {
  const start = process.hrtime.bigint();
  await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms   heap ${heap.toFixed(0)} MiB`);
}

console.log(
  `synthetic organization: ${accounts} accounts x ${perAccount} IAM users = ${accounts * perAccount} users`,
);
const raw = time('generate', () => JSON.parse(JSON.stringify(syntheticOrganization(accounts, perAccount))));
const snapshot = time('validate snapshot (zod)', () => parseSnapshot(raw, 'synthetic'));
const evaluation = time(`evaluate ${ALL_RULES.length} rules`, () =>
  evaluate(snapshot, { rules: ALL_RULES, now }),
);
const model = time('build report model', () =>
  buildReportModel(snapshot, evaluation, { now, toolVersion: 'bench' }),
);
const out = await mkdtemp(join(tmpdir(), 'keysweep-bench-'));
for (const format of ['sarif', 'json', 'md', 'csv', 'html'] as const) {
  await timeAsync(`render + write ${format}`, async () => {
    const [report] = renderReports(model, [format], {});
    await writeFilesAtomic([{ path: join(out, report!.fileName), content: report!.content }]);
  });
}
await rm(out, { recursive: true, force: true });
console.log(`findings: ${evaluation.findings.length}`);
