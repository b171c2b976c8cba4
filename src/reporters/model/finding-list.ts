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

/** A list that maps each finding when read (waivers, baseline states), followed by `extra` findings. */
export function mappedFindings(
  list: FindingList,
  map: (finding: ReportFinding) => ReportFinding,
  extra: readonly ReportFinding[] = [],
): FindingList {
  return {
    length: list.length + extra.length,
    *[Symbol.iterator]() {
      for (const finding of list) yield map(finding);
      yield* extra;
    },
  };
}
