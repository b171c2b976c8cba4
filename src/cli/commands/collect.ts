import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { checkpointFileFor } from '../../collectors/checkpoint/crawl-checkpoint.js';
import { saveSnapshot } from '../../inventory/snapshot-file.js';
import type { CliIo } from '../cli-io.js';
import { addLiveCollectionOptions, collectLive, type LiveCollectionFlags } from '../live-collection.js';
import { checkLiveOnlyFlags, markLiveOnly } from '../live-only-flags.js';
import { parseNow } from '../parse-now.js';
import { checkOutputFile } from '../validate-output-location.js';

interface CollectFlags extends LiveCollectionFlags {
  out: string;
  now?: string;
  resume?: boolean;
}

/** `keysweep collect --out snapshot.json`: the live crawl only, written atomically for later `scan --snapshot`. */
export function registerCollect(program: Command, io: CliIo): void {
  const command = program
    .command('collect')
    .description('crawl the AWS Organization and write an inventory snapshot (no rules, no reports)')
    .option('--out <file>', 'snapshot file to write', 'keysweep-snapshot.json')
    .option('--now <iso>', 'timestamp recorded as collectedAt (ISO-8601 with Z or an offset); default: now')
    .option('--quiet', 'no progress on stderr');
  const before = command.options.length;
  command
    .option(
      '--resume',
      'continue an interrupted collect: accounts listed in <out>.partial.jsonl are not crawled again',
    )
    .option('--org-only', 'collect only organization-wide data (Identity Center, Organizations), no account')
    .option('--accounts-only', 'with --shard: leave organization-wide data to a separate --org-only job');
  // Like --shard and --call-timeout-budget (marked in addLiveCollectionOptions): meaningless offline.
  markLiveOnly(command, command.options.slice(before));
  addLiveCollectionOptions(command).action(async (flags: CollectFlags, self: Command) => {
    checkLiveOnlyFlags(self, flags);
    // Allowed (an --org-only job beside one --accounts-only job merges fine), but the snapshot alone is not
    // the whole organization: said once, before the crawl.
    if (flags.accountsOnly && flags.shard === undefined && !flags.orgOnly)
      io.stderr(
        'keysweep: warning: --accounts-only without --shard: Identity Center and other organization-wide data are left out; merge this snapshot with one from `keysweep collect --org-only`',
      );
    const now = parseNow(flags.now);
    const file = resolve(io.cwd, flags.out);
    await checkOutputFile('--out', file);
    // Ctrl-C: finished accounts are already in the side file; say how to pick up from there.
    const onInterrupt = () => {
      io.stderr(
        `keysweep: interrupted; finished accounts are kept in ${checkpointFileFor(file)}: run the same command with --resume to continue`,
      );
      process.exit(130);
    };
    process.once('SIGINT', onInterrupt);
    try {
      const snapshot = await collectLive(flags, now, {
        checkpoint: { snapshotFile: file, resume: flags.resume === true },
      });
      await saveSnapshot(file, snapshot);
      await rm(checkpointFileFor(file), { force: true });
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
    if (!flags.quiet) io.stdout(`wrote ${file}`);
  });
}
