import type { Command } from 'commander';
import { loadDemoSnapshot } from '../demo/demo-snapshot.js';
import { loadSnapshot } from '../inventory/snapshot-file.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import { addLiveCollectionOptions, collectLive, type LiveCollectionFlags } from './live-collection.js';

/** How every inventory-reading command (scan, plan, …) chooses its input: demo, snapshot or live. */
export interface InventorySourceFlags extends LiveCollectionFlags {
  demo?: boolean;
  snapshot?: string;
}

export function addInventorySourceOptions(command: Command, verb: string): Command {
  command
    .option('--demo', `${verb} the bundled demo organization (no AWS needed)`)
    .option('--snapshot <file>', `${verb} a snapshot written by \`keysweep collect\` instead of AWS`);
  return addLiveCollectionOptions(command);
}

/** Checked with the other flags, before any file is read or AWS is called. */
export function checkInventorySource(flags: InventorySourceFlags): void {
  if (flags.demo && flags.snapshot) throw new InputError('--demo and --snapshot cannot be used together');
}

export function loadInventory(flags: InventorySourceFlags, now: Date): Promise<Snapshot> {
  if (flags.demo) return loadDemoSnapshot();
  if (flags.snapshot) return loadSnapshot(flags.snapshot);
  return collectLive(flags, now);
}
