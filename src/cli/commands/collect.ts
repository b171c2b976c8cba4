import { resolve } from 'node:path';
import type { Command } from 'commander';
import { saveSnapshot } from '../../inventory/snapshot-file.js';
import type { CliIo } from '../cli-io.js';
import { addLiveCollectionOptions, collectLive, type LiveCollectionFlags } from '../live-collection.js';
import { checkLiveOnlyFlags } from '../live-only-flags.js';
import { parseNow } from '../parse-now.js';
import { checkOutputFile } from '../validate-output-location.js';

interface CollectFlags extends LiveCollectionFlags {
  out: string;
  now?: string;
}

/** `keysweep collect --out snapshot.json`: the live crawl only, written atomically for later `scan --snapshot`. */
export function registerCollect(program: Command, io: CliIo): void {
  const command = program
    .command('collect')
    .description('crawl the AWS Organization and write an inventory snapshot (no rules, no reports)')
    .option('--out <file>', 'snapshot file to write', 'keysweep-snapshot.json')
    .option('--now <iso>', 'timestamp recorded as collectedAt (ISO-8601 with Z or an offset); default: now')
    .option('--quiet', 'no progress on stderr');
  addLiveCollectionOptions(command).action(async (flags: CollectFlags, self: Command) => {
    checkLiveOnlyFlags(self, flags);
    const now = parseNow(flags.now);
    const file = resolve(io.cwd, flags.out);
    await checkOutputFile('--out', file);
    const snapshot = await collectLive(flags, now);
    await saveSnapshot(file, snapshot);
    if (!flags.quiet) io.stdout(`wrote ${file}`);
  });
}
