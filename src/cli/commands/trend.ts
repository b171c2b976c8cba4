import { resolve } from 'node:path';
import type { Command } from 'commander';
import { computeTrend } from '../../history/compute-trend.js';
import { openHistory } from '../../history/history-file.js';
import type { TrendReport } from '../../history/trend-model.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { InputError } from '../../io/input-error.js';
import { renderTrendHtml } from '../../reporters/trend/render-trend-html.js';
import {
  renderTrendCsv,
  renderTrendJson,
  renderTrendMarkdown,
} from '../../reporters/trend/render-trend-text.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { historyPathOf } from '../history-option.js';
import { checkOutputFile } from '../validate-output-location.js';

const TREND_FORMATS = ['md', 'html', 'csv', 'json'] as const;
type TrendFormat = (typeof TREND_FORMATS)[number];

const RENDER: Record<TrendFormat, (trend: TrendReport) => string> = {
  md: renderTrendMarkdown,
  html: renderTrendHtml,
  csv: renderTrendCsv,
  json: renderTrendJson,
};

interface TrendFlags {
  history?: string;
  format: string;
  out?: string;
  account: string[];
  ou: string[];
  since?: string;
}

const collect = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

export function registerTrend(program: Command, io: CliIo): void {
  program
    .command('trend')
    .description(
      'the migration over time from a scan history: burndown, keys, findings new/fixed (Node.js ≥ 22.13)',
    )
    .option('--history <file>', 'history file written by scan --history (default: $KEYSWEEP_HISTORY)')
    .option('--format <format>', `output format: ${TREND_FORMATS.join('|')}`, 'md')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--account <id-or-name>', 'only these accounts (repeat or comma-separate)', collect, [])
    .option(
      '--ou <name>',
      'only accounts under these OUs (a name or a path like Workloads/Prod)',
      collect,
      [],
    )
    .option('--since <date>', 'show scans from this date (YYYY-MM-DD or ISO-8601 date-time)')
    .action(async (flags: TrendFlags) => {
      io.setExitCode(await runTrend(flags, io));
    });
}

async function runTrend(flags: TrendFlags, io: CliIo): Promise<number> {
  if (!(TREND_FORMATS as readonly string[]).includes(flags.format))
    throw new InputError(`--format: "${flags.format}" is not one of ${TREND_FORMATS.join(', ')}`);
  const since = flags.since === undefined ? null : parseSince(flags.since);
  const path = historyPathOf(flags.history, io.cwd);
  if (!path) throw new InputError('trend needs --history <file> (or KEYSWEEP_HISTORY)');
  const out = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
  if (out !== undefined) await checkOutputFile('--out', out);
  const history = await openHistory(path, { create: false });
  let trend: TrendReport;
  try {
    trend = computeTrend(history, { accounts: flags.account, ous: flags.ou, since });
  } finally {
    history.close();
  }
  const text = RENDER[flags.format as TrendFormat](trend);
  if (out !== undefined) {
    await writeFileAtomic(out, text);
    io.stderr(`wrote ${out} (${trend.scans.length} scans)`);
  } else io.stdout(text.replace(/\r?\n$/, ''));
  return EXIT.ok;
}

function parseSince(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const ms = Date.parse(date);
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) || Number.isNaN(ms))
    throw new InputError(`--since: "${value}" is not a date (YYYY-MM-DD) or an ISO-8601 date-time`);
  return new Date(ms).toISOString();
}
