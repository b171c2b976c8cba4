import type { Command } from 'commander';
import { mergeSnapshots } from '../../inventory/merge-snapshots.js';
import { loadSnapshot, saveSnapshot } from '../../inventory/snapshot-file.js';
import type { CliIo } from '../cli-io.js';
import { checkOutputFile } from '../validate-output-location.js';

/** `keysweep merge a.json b.json --out all.json`: one snapshot from sharded collections. */
export function registerMerge(program: Command, io: CliIo): void {
  program
    .command('merge')
    .description('merge snapshots of shards of one organization (e.g. collect --accounts in parallel jobs)')
    .argument('<snapshots...>', 'snapshot files written by keysweep collect')
    .requiredOption('--out <file>', 'merged snapshot to write')
    .action(async (files: string[], flags: { out: string }) => {
      await checkOutputFile('--out', flags.out);
      const parts = [];
      for (const file of files) parts.push({ file, snapshot: await loadSnapshot(file) });
      const merged = mergeSnapshots(parts);
      await saveSnapshot(flags.out, merged);
      io.stdout(`merged ${files.length} snapshot(s), ${merged.accounts.length} accounts → ${flags.out}`);
    });
}
