// npx tsx bench/floor.ts [-- --users 100000 --users-per-account 100 | --snapshot FILE]
// Where a scan's time goes, against the least each part could cost, as ratios to JSON.parse of the same
// snapshot in this process (issue 26's measure). In one process, one run each, in this order:
//   JSON.parse(file)                           the unit: reading the input once
//   keysweep's reader (parse + checks)         what `scan --snapshot` pays to read
//   the rules, `fail` a no-op                  the 46 rules' own work: no finding is made
//   the rules, findings made and dropped       + making each finding (id, message, advice)
//   the rules, findings kept                   + holding them (what garbage collection then costs)
//   report model                               order, relations, counts, inventory statistics
//   report.json / report.csv writers           keysweep's writers (render + write to a temporary file)
//   JSON.stringify, same findings              the floor of report.json: V8's own serializer on the same
//                                              migrations and findings, read back from the report written
// Figures are in-process stages (no Node start-up, no module loading): npm run bench measures whole processes.

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../src/inventory/snapshot-file.js';
import { writeSnapshotStream } from '../src/inventory/streaming/write-snapshot-stream.js';
import { writeFilesAtomic } from '../src/io/atomic-write.js';
import { buildReportModel } from '../src/report/model/report-model.js';
import { renderReports } from '../src/reporters/index.js';
import { ALL_RULES } from '../src/rules/catalog/index.js';
import type { Rule } from '../src/rules/define-rule.js';
import { evaluate, evaluateInto } from '../src/rules/engine.js';
import { syntheticAccounts, syntheticHeader } from './synthetic-organization.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    'users-per-account': { type: 'string', default: '100' },
    snapshot: { type: 'string' },
  },
});
const users = Number(values.users);
const perAccount = Number(values['users-per-account']);
if (!Number.isInteger(users) || !Number.isInteger(perAccount) || perAccount < 1 || users < perAccount) {
  console.error('--users and --users-per-account must be integers, --users ≥ --users-per-account');
  process.exit(2);
}
const now = new Date('2026-12-01T00:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'keysweep-floor-'));
const CHUNK = 1 << 20;

function seconds(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function secondsAsync(fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Writes strings to a file in ~1 MiB writes (encoding each to UTF-8 as fs does). */
function writeStrings(path: string, parts: Iterable<string>): void {
  const fd = openSync(path, 'w');
  let pending: string[] = [];
  let size = 0;
  for (const part of parts) {
    pending.push(part);
    size += part.length;
    if (size >= CHUNK) {
      writeSync(fd, pending.join(''));
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) writeSync(fd, pending.join(''));
  closeSync(fd);
}

try {
  let file = values.snapshot;
  if (file === undefined) {
    file = join(work, 'snapshot.json');
    await writeSnapshotStream(
      file,
      syntheticHeader(),
      syntheticAccounts(Math.ceil(users / perAccount), perAccount),
    );
  }
  const rows: Array<[string, number]> = [];
  const parse = seconds(() => JSON.parse(readFileSync(file, 'utf8')));
  rows.push(['JSON.parse(file)', parse]);
  let snapshot = undefined as unknown as Awaited<ReturnType<typeof loadSnapshot>>;
  rows.push([
    "keysweep's reader (parse + checks)",
    await secondsAsync(async () => {
      snapshot = await loadSnapshot(file);
    }),
  ]);
  // Each rule as it is, but what it reports goes nowhere (its inputs to `fail` are still built).
  const noFail = ALL_RULES.map((rule) => {
    const run = rule.evaluate as (context: object) => void;
    return { ...rule, evaluate: (context: object) => run({ ...context, fail() {} }) } as unknown as Rule;
  });
  rows.push([
    `${ALL_RULES.length} rules, fail a no-op`,
    seconds(() => evaluate(snapshot, { rules: noFail, now })),
  ]);
  rows.push([
    `${ALL_RULES.length} rules, findings made, dropped`,
    seconds(() => evaluateInto(snapshot, { rules: ALL_RULES, now }, { startRule() {}, add() {} })),
  ]);
  let evaluation = undefined as unknown as ReturnType<typeof evaluate>;
  rows.push([
    `${ALL_RULES.length} rules, findings kept`,
    seconds(() => {
      evaluation = evaluate(snapshot, { rules: ALL_RULES, now });
    }),
  ]);
  let model = undefined as unknown as ReturnType<typeof buildReportModel>;
  rows.push([
    'report model',
    seconds(() => {
      model = buildReportModel(snapshot, evaluation, { now, toolVersion: 'floor' });
    }),
  ]);
  for (const format of ['json', 'csv'] as const) {
    rows.push([
      `keysweep's report.${format} writer`,
      await secondsAsync(async () => {
        const [report] = renderReports(model, [format], {});
        await writeFilesAtomic([{ path: join(work, `report.${format}`), content: report!.content }]);
      }),
    ]);
  }
  const findings = evaluation.findings.length;
  // The same findings as report.json holds them (compacted), serialized by V8 alone: what the JSON writer
  // could at best cost. The scan's objects are let go first, so the two do not share one heap.
  snapshot = evaluation = model = undefined as never;
  const written = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as {
    migrations: Record<string, unknown>;
    findings: unknown[];
  };
  rows.push([
    'floor: JSON.stringify, same findings',
    seconds(() =>
      writeStrings(
        join(work, 'floor.json'),
        (function* () {
          for (const [arn, advice] of Object.entries(written.migrations))
            yield `${JSON.stringify(arn)}: ${JSON.stringify(advice)},\n`;
          for (const finding of written.findings) yield `${JSON.stringify(finding)},\n`;
        })(),
      ),
    ),
  ]);
  console.log(`${users} IAM users, ${findings} findings; ratios to JSON.parse of the file`);
  for (const [label, s] of rows) {
    console.log(`  ${label.padEnd(44)} ${s.toFixed(2).padStart(7)} s ${(s / parse).toFixed(2).padStart(7)}x`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
