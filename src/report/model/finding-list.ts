import type { ReportFinding } from './report-schema.js';

/**
 * The findings of a report, in report order (worst first: severity, rule, account, resource, subject;
 * findings gone since a baseline last). An array is one; so is a list kept on disk (a scan of hundreds of
 * thousands of IAM users), which reads its file again on each iteration and may yield fresh objects each
 * time. Readers therefore take it in passes and keep counters or bounded lists — never a copy of all of it
 * — and never rely on a finding's identity or mutate one.
 */
export interface FindingList extends Iterable<ReportFinding> {
  readonly length: number;
}

/** The first `limit` findings a predicate keeps, in list order (one pass that stops early). */
export function firstFindings(
  list: Iterable<ReportFinding>,
  limit: number,
  keep: (finding: ReportFinding) => boolean = () => true,
): ReportFinding[] {
  const picked: ReportFinding[] = [];
  if (limit <= 0) return picked;
  for (const finding of list) {
    if (!keep(finding)) continue;
    picked.push(finding);
    if (picked.length >= limit) break;
  }
  return picked;
}

/** How many findings a predicate keeps (one pass). */
export function countFindings(
  list: Iterable<ReportFinding>,
  keep: (finding: ReportFinding) => boolean,
): number {
  let count = 0;
  for (const finding of list) if (keep(finding)) count += 1;
  return count;
}

/** Whether some finding satisfies a predicate (one pass that stops at the first). */
export function someFinding(
  list: Iterable<ReportFinding>,
  test: (finding: ReportFinding) => boolean,
): boolean {
  for (const finding of list) if (test(finding)) return true;
  return false;
}

/**
 * A list that maps each finding when read (waivers, baseline states), followed by `extra` findings. `map`
 * gets the finding's position in `list`, the same on every pass. Over findings held in memory (an array,
 * or such a list over one) the mapped findings are made once, on the first pass, and kept: a report reads
 * its findings in several passes (counts, top problems, their related facts), and copying every finding on
 * each was most of a Markdown report's time with a baseline. Over a list kept on disk each pass maps anew,
 * so memory stays bounded.
 */
export function mappedFindings(
  list: FindingList,
  map: (finding: ReportFinding, index: number) => ReportFinding,
  extra: Iterable<ReportFinding> & { readonly length: number } = [],
): FindingList {
  if (isInMemory(list)) return new MappedInMemory(list, map, extra);
  return {
    length: list.length + extra.length,
    *[Symbol.iterator]() {
      let index = 0;
      for (const finding of list) {
        yield map(finding, index);
        index += 1;
      }
      yield* extra;
    },
  };
}

/** Whether a list's findings are held in memory (an array, or a view over one), not read from disk. */
export function isInMemory(list: FindingList): boolean {
  return Array.isArray(list) || list instanceof MappedInMemory;
}

/** mappedFindings over findings in memory: mapped once, when first read. */
class MappedInMemory implements FindingList {
  readonly length: number;
  private mapped: ReportFinding[] | undefined;
  constructor(
    private readonly list: Iterable<ReportFinding>,
    private readonly map: (finding: ReportFinding, index: number) => ReportFinding,
    private readonly extra: Iterable<ReportFinding> & { readonly length: number },
  ) {
    this.length = (list as FindingList).length + extra.length;
  }

  *[Symbol.iterator](): Iterator<ReportFinding> {
    if (!this.mapped) {
      const mapped: ReportFinding[] = [];
      let index = 0;
      for (const finding of this.list) {
        mapped.push(this.map(finding, index));
        index += 1;
      }
      this.mapped = mapped;
    }
    yield* this.mapped;
    yield* this.extra;
  }
}

/** The findings a predicate keeps, read lazily: each iteration is one pass over `list`. */
export function filteredFindings(
  list: Iterable<ReportFinding>,
  keep: (finding: ReportFinding) => boolean,
): Iterable<ReportFinding> {
  return {
    *[Symbol.iterator]() {
      for (const finding of list) if (keep(finding)) yield finding;
    },
  };
}

/** The findings in list order, in arrays of at most `size` (one pass; one chunk alive at a time). */
export function* findingChunks(list: Iterable<ReportFinding>, size: number): Generator<ReportFinding[]> {
  let chunk: ReportFinding[] = [];
  for (const finding of list) {
    chunk.push(finding);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Adds `item` to `best` — kept sorted by `compare`, at most `limit` long — after every element it ties
 * with, so feeding items in list order keeps the `limit` first of a stable sort of them all: a top-N in
 * one pass without holding the rest.
 */
export function insertBounded<T>(best: T[], item: T, limit: number, compare: (a: T, b: T) => number): void {
  if (limit <= 0) return;
  if (best.length >= limit && compare(item, best[best.length - 1]!) >= 0) return;
  let low = 0;
  let high = best.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(item, best[mid]!) < 0) high = mid;
    else low = mid + 1;
  }
  best.splice(low, 0, item);
  if (best.length > limit) best.pop();
}
