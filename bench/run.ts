// npm run bench [-- --users 100000[,200000,500000,1000000] --write-snapshot FILE --formats LIST --scan-heap MiB --baseline]
// Times start-up (bench/startup.ts: --version, --help, rules, scan --demo as ratios to `node -e 0`), then writes a synthetic snapshot to a file
// (streamed, account by account) and times, each as its own process: `node -e JSON.parse(file)` (the floor: reading the input once) and
// `keysweep scan --snapshot FILE --format ...` (what a user pays, start-up included). Prints wall time,
// peak RSS, the scan/parse ratio and the time per IAM user for every size.
// --scan-heap MiB times the scan a second time in a V8 heap of that size (node --max-old-space-size):
// with the default heap V8 grows the heap lazily, so peak RSS says more about V8 than about keysweep.
// --baseline then times the next scheduled scan: `scan --format md --baseline` the report.json just written.
// In-process stage timings (zod, rules, model, each writer): npx tsx bench/stages.ts.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSnapshotStream } from '../src/inventory/streaming/write-snapshot-stream.js';
import { measureProcess, type ProcessMeasure } from './measure-process.js';
import { printStartUp } from './startup.js';
import { syntheticAccounts, syntheticHeader } from './synthetic-organization.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    'users-per-account': { type: 'string', default: '100' },
    'write-snapshot': { type: 'string' },
    formats: { type: 'string', default: 'sarif,json,md,html,csv' },
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
const bin = join(import.meta.dirname, '..', 'bin', 'keysweep.js');
const work = mkdtempSync(join(tmpdir(), 'keysweep-bench-'));
const PARSE_SCRIPT = "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))";
let parse100k: number | undefined;

function row(stage: string, m: { seconds: number; peakRssMiB?: number }, extra = ''): void {
  const rss = m.peakRssMiB === undefined ? '' : `${m.peakRssMiB.toFixed(0).padStart(6)} MiB`;
  console.log(`  ${stage.padEnd(44)} ${m.seconds.toFixed(2).padStart(8)} s ${rss.padStart(11)}  ${extra}`);
}

function failure(m: ProcessMeasure): string {
  return m.exitCode === 0 ? '' : `exit ${m.exitCode}: ${m.stderr.slice(0, 160)}`;
}

try {
  printStartUp(bin);
  for (const users of sizes) {
    const accounts = Math.ceil(users / perAccount);
    const file =
      values['write-snapshot'] === undefined
        ? join(work, `snapshot-${users}.json`)
        : sizes.length === 1
          ? values['write-snapshot']
          : values['write-snapshot'].replace(/(\.json)?$/, `-${users}.json`);
    console.log(`\n${users} IAM users (${accounts} accounts x ${perAccount}) → ${file}`);

    const start = process.hrtime.bigint();
    await writeSnapshotStream(file, syntheticHeader(), syntheticAccounts(accounts, perAccount));
    const writeSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const size = statSync(file).size / 2 ** 20;
    row('write snapshot (streamed)', { seconds: writeSeconds }, `${size.toFixed(0)} MiB on disk`);

    const parse = measureProcess(process.execPath, ['-e', PARSE_SCRIPT, file]);
    row('node -e JSON.parse(file)', parse, failure(parse) || 'the floor (1.0x)');
    if (users === 100_000 && parse.exitCode === 0) parse100k = parse.seconds;

    const out = join(work, `report-${users}`);
    const scanArgs = [
      bin,
      'scan',
      '--snapshot',
      file,
      '--format',
      values.formats,
      '--out',
      out,
      '--now',
      '2026-12-01T00:00:00Z',
      '--fail-on',
      'none',
      '--quiet',
    ];
    const heaps = [undefined, ...(values['scan-heap'] ? [Number(values['scan-heap'])] : [])];
    for (const heap of heaps) {
      const scan = measureProcess(process.execPath, [
        ...(heap === undefined ? [] : [`--max-old-space-size=${heap}`]),
        ...scanArgs,
      ]);
      const ratios = [
        parse.exitCode === 0 ? `${(scan.seconds / parse.seconds).toFixed(2)}x parse` : '',
        parse100k !== undefined && users > 100_000
          ? `${(scan.seconds / ((parse100k * users) / 100_000)).toFixed(2)}x (${users / 100_000} x 100k parse)`
          : '',
      ].filter(Boolean);
      const label = `scan --format ${values.formats}${heap === undefined ? '' : `, ${heap} MiB heap`}`;
      row(label, scan, failure(scan) || ratios.join(', '));
      console.log(
        `  per IAM user: scan ${((scan.seconds / users) * 1e6).toFixed(1)} µs, parse ${((parse.seconds / users) * 1e6).toFixed(1)} µs`,
      );
    }
    if (values.baseline && values.formats.split(',').includes('json')) {
      const next = [...scanArgs.slice(0, 4), '--format', 'md', '--baseline', join(out, 'report.json')];
      next.push(
        '--out',
        join(work, `next-${users}`),
        '--now',
        '2026-12-08T00:00:00Z',
        '--fail-on',
        'none',
        '--quiet',
      );
      const scan = measureProcess(process.execPath, next);
      row(
        'scan --format md --baseline report.json',
        scan,
        failure(scan) || `${(scan.seconds / parse.seconds).toFixed(2)}x parse`,
      );
    }
    rmSync(out, { recursive: true, force: true });
    if (values['write-snapshot'] === undefined) rmSync(file, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
