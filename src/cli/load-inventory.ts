import type { Command } from 'commander';
import { loadDemoSnapshot } from '../demo/demo-snapshot.js';
import { loadSnapshot } from '../inventory/snapshot-file.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import { heapHeadroomWarning } from './heap-headroom.js';
import { collectLive, type LiveCollectionFlags } from './live-collection.js';
import { checkLiveOnlyFlags } from './live-only-flags.js';
import { checkNowNotBeforeCollection } from './parse-now.js';

/** How every inventory-reading command (scan, plan, …) chooses its input: demo, snapshot or live. */
export interface InventorySourceFlags extends LiveCollectionFlags {
  demo?: boolean;
  snapshot?: string;
  now?: string;
}

/** `--demo` and `--snapshot`; the live options are added with `addLiveCollectionOptions`. */
export function addInventorySourceOptions(command: Command, verb: string): Command {
  return command
    .option('--demo', `${verb} the bundled demo organization (no AWS needed)`)
    .option('--snapshot <file>', `${verb} a snapshot written by \`keysweep collect\` instead of AWS`);
}

/**
 * Checked with the other flags, before any file is read or AWS is called: one source only, and no
 * live-only flag (`--accounts`, `--role-name`, …) that `--demo`/`--snapshot` would silently ignore.
 */
export function checkInventorySource(command: Command, flags: InventorySourceFlags): void {
  if (flags.demo && flags.snapshot) throw new InputError('--demo and --snapshot cannot be used together');
  checkLiveOnlyFlags(command, flags);
}

/**
 * Loads the demo or a snapshot, or crawls AWS. A loaded inventory evaluated at a clock before its
 * collection is refused (`now` comes from --now when `flags.now` is set, else from the machine). A
 * snapshot too large for this Node's heap gets one warning line first (`warn`), then is loaded anyway.
 */
export async function loadInventory(
  flags: InventorySourceFlags,
  now: Date,
  warn: (line: string) => void = () => undefined,
): Promise<Snapshot> {
  if (!flags.demo && flags.snapshot === undefined) return collectLive(flags, now);
  const headroom = flags.snapshot === undefined ? null : await heapHeadroomWarning(flags.snapshot);
  if (headroom) warn(headroom);
  const snapshot = flags.demo ? await loadDemoSnapshot() : await loadSnapshot(flags.snapshot as string);
  checkNowNotBeforeCollection(now, snapshot, flags.snapshot ?? 'the demo snapshot', flags.now !== undefined);
  return snapshot;
}
