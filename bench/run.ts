// npm run bench [-- --users 100000[,1000000] --runs 3[,1] --write-snapshot FILE --formats LIST --scan-heap MiB --baseline --skip-startup]
// Times start-up (bench/startup.ts: --version, --help, rules, scan --demo as ratios to `node -e 0`), then for each size
// writes a synthetic snapshot to a file (streamed, account by account) and times, each as its own process and
// round-robin `--runs` times (default 3): `node -e JSON.parse(file)` (the floor: reading the input once),
// `keysweep scan --snapshot FILE --format md` and `... --format sarif,json,md,html,csv` (what a user pays,
// start-up included). Prints medians of wall and CPU time, the largest peak RSS, the scan/parse ratios and the
// time per IAM user, then issue 26's goals with pass/fail (bench/evaluation-goals.ts).
// --formats LIST times only that format list instead of the two.
// --scan-heap MiB times each scan a second time in a V8 heap of that size (node --max-old-space-size).
// --baseline then times the next scheduled scan: `scan --format md --baseline` the report.json just written.
// In-process stage timings (zod, rules, model, each writer): npx tsx bench/stages.ts.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSnapshotStream } from '../src/inventory/streaming/write-snapshot-stream.js';
import { evaluationGoals, FIVE_FORMATS, median, printGoals, type SizeMeasure } from './evaluation-goals.js';
import { measureProcess, type ProcessMeasure } from './measure-process.js';
import { printStartUp } from './startup.js';
import { syntheticAccounts, syntheticHeader } from './synthetic-organization.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    'users-per-account': { type: 'string', default: '100' },
    'write-snapshot': { type: 'string' },
    formats: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'skip-startup': { type: 'boolean', default: false },
    'scan-heap': { type: 'string' },
    baseline: { type: 'boolean', default: false },
  },
});
const sizes = values.users.split(',').map((s) => Number(s.trim()));
const perAccount = Number(values['users-per-account']);
if (sizes.some((n) => !Number.isInteger(n) || n < perAccount) || !(perAccount > 0)) {
  console.error('--users must be a comma-separated list of integers ≥ --users-per-account');
  process.exit(2);
}
// One count for every size, or one per size (`--runs 3,1`: a 1M-user run takes minutes).
const runList = values.runs.split(',').map((s) => Number(s.trim()));
if (
  runList.some((n) => !Number.isInteger(n) || n < 1) ||
  (runList.length !== 1 && runList.length !== sizes.length)
) {
  console.error('--runs must be a positive integer, or one per --users size');
  process.exit(2);
}
const scanFormats = values.formats === undefined ? ['md', FIVE_FORMATS] : [values.formats];
const bin = join(import.meta.dirname, '..', 'bin', 'keysweep.js');
const work = mkdtempSync(join(tmpdir(), 'keysweep-bench-'));
const PARSE_SCRIPT = "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))";
const measures: SizeMeasure[] = [];

function row(
  stage: string,
  m: { seconds: number; cpuSeconds?: number; peakRssMiB?: number },
  extra = '',
): void {
  const cpu = m.cpuSeconds === undefined ? '' : `${m.cpuSeconds.toFixed(2)} s cpu`;
  const rss = m.peakRssMiB === undefined ? '' : `${m.peakRssMiB.toFixed(0).padStart(6)} MiB`;
  console.log(
    `  ${stage.padEnd(44)} ${m.seconds.toFixed(2).padStart(8)} s ${cpu.padStart(12)} ${rss.padStart(11)}  ${extra}`,
  );
}

function failure(m: ProcessMeasure): string {
  return m.exitCode === 0 ? '' : `exit ${m.exitCode}: ${m.stderr.slice(0, 160)}`;
}

/** Medians of wall and CPU time, the largest peak RSS, the first failure. */
function summary(list: readonly ProcessMeasure[]): ProcessMeasure {
  return {
    seconds: median(list.map((m) => m.seconds)),
    cpuSeconds: median(list.map((m) => m.cpuSeconds)),
    peakRssMiB: Math.max(...list.map((m) => m.peakRssMiB)),
    exitCode: list.find((m) => m.exitCode !== 0)?.exitCode ?? 0,
    stderr: list.find((m) => m.exitCode !== 0)?.stderr ?? '',
  };
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

try {
  if (!values['skip-startup']) printStartUp(bin);
  for (const [sizeIndex, users] of sizes.entries()) {
    const runs = runList[runList.length === 1 ? 0 : sizeIndex]!;
    const accounts = Math.ceil(users / perAccount);
    const file =
      values['write-snapshot'] === undefined
        ? join(work, `snapshot-${users}.json`)
        : sizes.length === 1
          ? values['write-snapshot']
          : values['write-snapshot'].replace(/(\.json)?$/, `-${users}.json`);
    console.log(
      `\n${users} IAM users (${accounts} accounts x ${perAccount}) → ${file}; load average ${load()}`,
    );

    const start = process.hrtime.bigint();
    await writeSnapshotStream(file, syntheticHeader(), syntheticAccounts(accounts, perAccount));
    const writeSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const size = statSync(file).size / 2 ** 20;
    row('write snapshot (streamed)', { seconds: writeSeconds }, `${size.toFixed(0)} MiB on disk`);

    const out = join(work, `report-${users}`);
    const scanArgs = (formats: string) => [
      bin,
      'scan',
      '--snapshot',
      file,
      '--format',
      formats,
      '--out',
      out,
      '--now',
      '2026-12-01T00:00:00Z',
      '--fail-on',
      'none',
      '--quiet',
    ];
    const heaps = [undefined, ...(values['scan-heap'] ? [Number(values['scan-heap'])] : [])];
    const cases = [
      {
        label: 'node -e JSON.parse(file)',
        args: ['-e', PARSE_SCRIPT, file],
        formats: undefined,
        heap: undefined,
      },
      ...scanFormats.flatMap((formats) =>
        heaps.map((heap) => ({
          label: `scan --format ${formats}${heap === undefined ? '' : `, ${heap} MiB heap`}`,
          args: [...(heap === undefined ? [] : [`--max-old-space-size=${heap}`]), ...scanArgs(formats)],
          formats,
          heap,
        })),
      ),
    ];
    // Round-robin, so that a change in the machine's load touches every case alike.
    const results = cases.map(() => [] as ProcessMeasure[]);
    for (let run = 0; run < runs; run += 1) {
      cases.forEach((c, i) => {
        results[i]!.push(measureProcess(process.execPath, c.args));
        rmSync(out, { recursive: true, force: true });
      });
    }
    const parse = summary(results[0]!);
    // Node cannot read a file over 512 MiB into one string: above 100k users the floor is 10 × the 100k
    // parse anyway (evaluation-goals.ts), so a failed parse of a large file only says so.
    const tooLong = parse.exitCode !== 0 && /longer than 0x[0-9a-f]+ characters/.test(parse.stderr);
    row(
      `${cases[0]!.label} (median of ${runs})`,
      parse,
      tooLong ? 'too large for one string; floor: 10 x the 100k parse' : failure(parse) || 'the floor (1.0x)',
    );
    const measure: SizeMeasure = { users, parse, scans: new Map() };
    const parse100k = measures.find((m) => m.users === 100_000)?.parse.seconds;
    cases.slice(1).forEach((c, i) => {
      const scan = summary(results[i + 1]!);
      if (c.heap === undefined && scan.exitCode === 0) measure.scans.set(c.formats!, scan);
      const ratios = [
        parse.exitCode === 0 ? `${(scan.seconds / parse.seconds).toFixed(2)}x parse` : '',
        parse100k !== undefined && users > 100_000
          ? `${(scan.seconds / ((parse100k * users) / 100_000)).toFixed(2)}x (${users / 100_000} x 100k parse)`
          : '',
        `${((scan.seconds / users) * 1e6).toFixed(1)} µs/user`,
      ].filter(Boolean);
      row(c.label, scan, failure(scan) || ratios.join(', '));
    });
    if (parse.exitCode === 0 || (tooLong && users > 100_000)) measures.push(measure);
    console.log(`  load average after: ${load()}`);
    if (values.baseline) {
      const first = measureProcess(process.execPath, scanArgs('json'));
      const next = [...scanArgs('md').slice(0, 6), '--baseline', join(out, 'report.json')];
      next.push(
        '--out',
        join(work, `next-${users}`),
        '--now',
        '2026-12-08T00:00:00Z',
        '--fail-on',
        'none',
        '--quiet',
      );
      const scan = first.exitCode === 0 ? measureProcess(process.execPath, next) : first;
      row(
        'scan --format md --baseline report.json',
        scan,
        failure(scan) || `${(scan.seconds / parse.seconds).toFixed(2)}x parse`,
      );
      rmSync(out, { recursive: true, force: true });
    }
    if (values['write-snapshot'] === undefined) rmSync(file, { force: true });
  }
  printGoals(evaluationGoals(measures), values.runs);
} finally {
  rmSync(work, { recursive: true, force: true });
}
