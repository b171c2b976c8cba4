import { resolve } from 'node:path';
import type { Command } from 'commander';
import { mergeSnapshotFiles } from '../../inventory/streaming/merge-snapshot-files.js';
import { escapeControlCharacters } from '../../io/escape-control-characters.js';
import type { CliIo } from '../cli-io.js';
import { checkMergeOutIsNoInput } from '../merge-inputs.js';
import { checkOutputFile } from '../validate-output-location.js';

/** `keysweep merge a.json b.json --out all.json`: one snapshot from sharded collections. */
export function registerMerge(program: Command, io: CliIo): void {
  program
    .command('merge')
    .description('merge snapshots of shards of one organization (e.g. collect --accounts in parallel jobs)')
    .argument('<snapshots...>', 'snapshot files written by keysweep collect')
    .requiredOption('--out <file>', 'merged snapshot to write')
    .action(async (files: string[], flags: { out: string }) => {
      const inputs = files.map((file) => resolve(io.cwd, file));
      await checkMergeOutIsNoInput(resolve(io.cwd, flags.out), inputs);
      await checkOutputFile('--out', flags.out);
      const merged = await mergeSnapshotFiles(files, flags.out);
      for (const warning of merged.warnings) io.stderr(escapeControlCharacters(warning));
      io.stdout(`merged ${files.length} snapshot(s), ${merged.accounts} accounts → ${flags.out}`);
    });
}
