// npx -y -p node@22 node node_modules/tsx/dist/cli.mjs bench/history-scale.ts [--accounts 1000 --users-per-account 100 --scans 52]
// The scan history at scale (issue 25): a synthetic organization's report model, recorded as weekly scans
// with people leaving week by week. Measures, as ratios: recording one scan vs writing that scan's
// report.json; the history file's growth per scan vs report.json's size; `trend` over all the scans.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeTrend } from '../src/history/compute-trend.js';
import { openHistory } from '../src/history/history-file.js';
import { recordScan } from '../src/history/record-scan.js';
import { scanRecordOfModel } from '../src/history/scan-record.js';
import { parseSnapshot } from '../src/inventory/snapshot-file.js';
import { writeFilesAtomic } from '../src/io/atomic-write.js';
import { buildReportModel, type ReportFinding, type ReportModel } from '../src/report/model/report-model.js';
import { renderReports } from '../src/reporters/index.js';
import { ALL_RULES } from '../src/rules/catalog/index.js';
import { evaluate } from '../src/rules/engine.js';
import { syntheticOrganization } from './synthetic-organization.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    'users-per-account': { type: 'string', default: '100' },
    scans: { type: 'string', default: '52' },
    // Writing report.json every week doubles a long run: it is timed on weeks 0, 1, every Nth and the last.
    'json-every': { type: 'string', default: '10' },
  },
});
const accounts = Number(values.accounts);
const perAccount = Number(values['users-per-account']);
const scans = Number(values.scans);
const jsonEvery = Number(values['json-every']);
const start = new Date('2026-01-05T00:00:00Z');
const WEEK = 7 * 86_400_000;

/** A stable bucket 0–99 for a resource. */
function bucketOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash % 100;
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

console.log(
  `synthetic organization: ${accounts} accounts x ${perAccount} IAM users = ${accounts * perAccount} users`,
);
const snapshot = parseSnapshot(
  JSON.parse(JSON.stringify(syntheticOrganization(accounts, perAccount))),
  'synthetic',
);
const evaluation = evaluate(snapshot, { rules: ALL_RULES, now: start });
const base = buildReportModel(snapshot, evaluation, { now: start, toolVersion: 'bench' });
const allFindings = base.findings as ReportFinding[];
console.log(`findings per scan (week 0): ${allFindings.length}`);

/**
 * Week w: IAM users leave at a steady pace (2% of the users a week, by user name order in each account),
 * taking their findings with them; a few findings come back (reopened) every fourth week.
 */
function weekModel(week: number): ReportModel {
  // Every fourth week a tenth of the week's leavers come back (reopened findings).
  const gone = (arn: string) => {
    const bucket = bucketOf(arn);
    return bucket < 2 * week && !(week % 4 === 0 && bucket % 10 === 0);
  };
  const findings = allFindings.filter((f) => !gone(f.resourceArn));
  const now = new Date(start.getTime() + week * WEEK).toISOString();
  const share = Math.max(0, 1 - week / 50);
  return {
    ...base,
    scan: { ...base.scan, now },
    findings,
    inventory: {
      ...base.inventory,
      accounts: base.inventory.accounts.map((a) => ({
        ...a,
        humanIamUsers: Math.round(a.humanIamUsers * share),
      })),
    },
    summary: { ...base.summary, total: findings.length },
  };
}

const work = mkdtempSync(join(tmpdir(), 'keysweep-history-bench-'));
interface Week {
  week: number;
  findings: number;
  /** Only on the weeks report.json was written. */
  json?: { ms: number; bytes: number };
  recordMs: number;
  growth: number;
}
try {
  const history = await openHistory(join(work, 'history.sqlite'), { create: true });
  const weeks: Week[] = [];
  let size = statSync(history.path).size;
  for (let week = 0; week < scans; week += 1) {
    const model = weekModel(week);
    let json: Week['json'];
    if (week % jsonEvery === 0 || week === 1 || week === scans - 1) {
      const jsonPath = join(work, 'report.json');
      const t = process.hrtime.bigint();
      const [report] = renderReports(model, ['json'], {});
      await writeFilesAtomic([{ path: jsonPath, content: report!.content }]);
      json = { ms: ms(t), bytes: statSync(jsonPath).size };
    }
    const t = process.hrtime.bigint();
    recordScan(history, scanRecordOfModel(model, 'scan'));
    const recordMs = ms(t);
    const grown = statSync(history.path).size;
    weeks.push({ week, findings: model.findings.length, json, recordMs, growth: grown - size });
    size = grown;
    const jsonText = json
      ? `report.json ${(json.bytes / 2 ** 20).toFixed(1)} MiB in ${json.ms.toFixed(0)} ms; `
      : '';
    console.log(
      `week ${String(week).padStart(2)}: ${model.findings.length} findings; ${jsonText}recorded in ${recordMs.toFixed(0)} ms, file +${(weeks.at(-1)!.growth / 2 ** 20).toFixed(2)} MiB`,
    );
  }
  const t = process.hrtime.bigint();
  const trend = computeTrend(history, { accounts: [], ous: [], since: null });
  const trendMs = ms(t);
  history.close();
  const timed = weeks.filter((w) => w.json);
  const sum = (list: Week[], f: (w: Week) => number) => list.reduce((s, w) => s + f(w), 0);
  const later = weeks.slice(1);
  const avgGrowth = sum(later, (w) => w.growth) / Math.max(1, later.length);
  const avgJson = sum(timed, (w) => w.json!.bytes) / timed.length;
  const ratio = (w: Week) => (w.recordMs / w.json!.ms).toFixed(2);
  console.log('');
  console.log(
    `recording / report.json write time: ${(sum(timed, (w) => w.recordMs) / sum(timed, (w) => w.json!.ms)).toFixed(2)} over the ${timed.length} weeks both were timed (${timed.map((w) => `week ${w.week}: ${ratio(w)}`).join(', ')})`,
  );
  console.log(
    `file growth per scan / report.json: ${(avgGrowth / avgJson).toFixed(3)} (${(avgGrowth / 2 ** 20).toFixed(2)} MiB a scan after the first vs ${(avgJson / 2 ** 20).toFixed(1)} MiB; first scan +${(weeks[0]!.growth / 2 ** 20).toFixed(1)} MiB)`,
  );
  console.log(
    `history file after ${weeks.length} scans: ${(size / 2 ** 20).toFixed(0)} MiB (${sum(weeks, (w) => w.findings)} finding rows)`,
  );
  console.log(
    `trend over ${weeks.length} scans: ${(trendMs / 1000).toFixed(1)} s (${trend.scans.length} scans, ${trend.accounts.length} accounts)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
