import { z } from 'zod';

const count = z.number().int().min(0);

/** How a scan compares with the previous report given as --baseline. */
export const baselineSummarySchema = z
  .object({
    file: z.string(),
    /** The `scan.now` of the baseline report. */
    baselineNow: z.string().nullable(),
    new: count,
    unchanged: count,
    /** In the baseline, gone now (fixed, or the resource was deleted). */
    absent: count,
    /**
     * In the baseline, but this scan could not look again (account not reached, rule not evaluated or
     * not run): neither fixed nor present, so left out rather than reported as absent.
     */
    notRechecked: count.describe(
      'Baseline findings this scan could not look at again (account not reached, rule not evaluated): neither fixed nor present.',
    ),
  })
  .describe('Present when --baseline was given: how this scan compares with the previous report.');
export type BaselineSummary = z.infer<typeof baselineSummarySchema>;
