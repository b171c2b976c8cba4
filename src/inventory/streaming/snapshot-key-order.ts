import type { Account, Snapshot } from '../snapshot-schema.js';
import { snapshotSchema } from '../snapshot-schema.js';

/** Snapshot fields except the accounts: small, read and written in one piece. */
export type SnapshotHeader = Omit<Snapshot, 'accounts'>;

/**
 * A snapshot from its header and accounts, keys in schema order as a whole-snapshot zod parse returns
 * them, so streamed reading and writing print exactly what JSON.stringify(snapshot, null, 2) did.
 */
export function assembleSnapshot(header: SnapshotHeader, accounts: Account[]): Snapshot {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(snapshotSchema.shape)) {
    ordered[key] = key === 'accounts' ? accounts : header[key as keyof SnapshotHeader];
  }
  return ordered as Snapshot;
}
