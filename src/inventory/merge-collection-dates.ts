import type { NamedSnapshot } from './merge-snapshots.js';

/** Shards of one `collect --shard` run finish within hours; a day apart is most likely another run. */
export const MERGE_DATE_SPREAD_WARNING_MS = 24 * 3_600_000;

/**
 * A warning when the parts were collected far apart: the merged snapshot takes the oldest part's date,
 * so every account reads as collected then, although the newest part is days younger.
 */
export function collectionDatesWarning(parts: readonly NamedSnapshot[]): string | null {
  const dated = parts
    .map((part) => ({
      file: part.file,
      at: part.snapshot.collectedAt,
      ms: Date.parse(part.snapshot.collectedAt),
    }))
    .sort((a, b) => a.ms - b.ms);
  const oldest = dated[0];
  const newest = dated.at(-1);
  if (!oldest || !newest || newest.ms - oldest.ms <= MERGE_DATE_SPREAD_WARNING_MS) return null;
  const hours = Math.round((newest.ms - oldest.ms) / 3_600_000);
  return (
    `keysweep: warning: merge: the snapshots were collected ${hours} hours apart (${oldest.file} at ${oldest.at}, ` +
    `${newest.file} at ${newest.at}); the merged snapshot is dated ${oldest.at}, the oldest`
  );
}
