import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openHistory } from '../../history/history-file.js';
import { importReports } from '../../history/import-reports.js';
import { escapeControlCharacters } from '../../io/escape-control-characters.js';
import { InputError } from '../../io/input-error.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { historyPathOf } from '../history-option.js';

export function registerHistory(program: Command, io: CliIo): void {
  const history = program
    .command('history')
    .description('the scan history file (SQLite; Node.js ≥ 22.13): backfill it from earlier reports');
  history
    .command('import')
    .description('record earlier report.json files (any version keysweep wrote) in date order')
    .argument('<report.json...>', 'report.json files of earlier scans')
    .option('--history <file>', 'history file (created if missing; default: $KEYSWEEP_HISTORY)')
    .option('--quiet', 'print nothing but errors')
    .action(async (reports: string[], flags: { history?: string; quiet?: boolean }) => {
      const path = historyPathOf(flags.history, io.cwd);
      if (!path) throw new InputError('history import needs --history <file> (or KEYSWEEP_HISTORY)');
      // A file this import creates is removed again when the import is refused: nothing half-written.
      const existed = existsSync(path);
      const file = await openHistory(path, { create: true });
      try {
        const outcomes = await importReports(
          file,
          reports.map((r) => resolve(io.cwd, r)),
        );
        if (!flags.quiet)
          for (const o of outcomes)
            io.stdout(
              escapeControlCharacters(
                o.recorded
                  ? `  recorded ${o.path}: scan of ${o.takenAt}, ${o.findings} findings`
                  : `  skipped ${o.path}: a scan of this organization at ${o.takenAt} is already recorded`,
              ),
            );
      } catch (error) {
        file.close();
        if (!existed) rmSync(path, { force: true });
        throw error;
      }
      file.close();
      io.setExitCode(EXIT.ok);
    });
}
