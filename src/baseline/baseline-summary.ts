/** How a scan compares with the previous report given as --baseline. */
export interface BaselineSummary {
  file: string;
  /** The `scan.now` of the baseline report. */
  baselineNow: string | null;
  new: number;
  unchanged: number;
  /** In the baseline, gone now (fixed, or the resource was deleted). */
  absent: number;
  /**
   * In the baseline, but this scan could not look again (account not reached, rule not evaluated or
   * not run): neither fixed nor present, so left out rather than reported as absent.
   */
  notRechecked: number;
}
