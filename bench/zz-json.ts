import { loadSnapshot } from '../src/inventory/snapshot-file.js';
import { renderCsvChunks } from '../src/reporters/csv/render-csv.js';
import { renderReports } from '../src/reporters/index.js';
import { renderJsonChunks } from '../src/reporters/json/render-json.js';
import { buildReportModel } from '../src/reporters/model/report-model.js';
import { ALL_RULES } from '../src/rules/catalog/index.js';
import { evaluate } from '../src/rules/engine.js';

const now = new Date('2026-12-01T00:00:00Z');
const t = async (l: string, f: () => unknown) => {
  const s = performance.now();
  const r = await f();
  console.log(l.padEnd(24), (performance.now() - s).toFixed(0), 'ms');
  return r;
};
const snap: any = await t('load', () => loadSnapshot(process.argv[2]!));
const ev: any = await t('evaluate', () => evaluate(snap, { rules: ALL_RULES, now }));
const model: any = await t('model', () => buildReportModel(snap, ev, { now, toolVersion: 'x' }));
for (let i = 0; i < 2; i++) {
  await t('json iterate', () => {
    let n = 0;
    for (const c of renderJsonChunks(model)) n += c.length;
    return n;
  });
  await t('csv iterate', () => {
    let n = 0;
    for (const c of renderCsvChunks(model)) n += c.length;
    return n;
  });
  for (const f of ['sarif', 'md', 'html'] as const) await t(f, () => renderReports(model, [f], {}));
}
