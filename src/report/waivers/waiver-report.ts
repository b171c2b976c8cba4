import { z } from 'zod';

/** What each waiver did in one scan; lands in report.json so expired and stale waivers get noticed. */
export const waiverOutcomeSchema = z.object({
  /** Position in the waivers file, to find it again. */
  index: z.number().int().min(0),
  rule: z.string(),
  resource: z.string(),
  account: z.string().nullable(),
  reason: z.string(),
  owner: z.string().nullable(),
  expires: z.string().nullable(),
  /** active: applies; expired: past its date, no longer suppresses; unused: active but matched nothing. */
  status: z.enum(['active', 'expired', 'unused']),
  /** Findings it matched (for an expired waiver: findings it would have matched). */
  matched: z.number().int().min(0),
});
export type WaiverOutcome = z.infer<typeof waiverOutcomeSchema>;

export const waiverReportSchema = z
  .object({ file: z.string(), entries: z.array(waiverOutcomeSchema) })
  .describe('Present when --waivers was given: what each waiver did in this scan.');
export type WaiverReport = z.infer<typeof waiverReportSchema>;
