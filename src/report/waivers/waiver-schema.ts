import { z } from 'zod';

const EXPIRY_FORMAT =
  'YYYY-MM-DD (e.g. 2027-03-31) or an ISO-8601 date-time with a zone (e.g. 2027-03-31T18:00:00Z)';
/** A date (valid through the end of that day, UTC) or an exact date-time. */
const expirySchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: (issue) =>
      issue.input === undefined
        ? `a waiver needs an expiry: ${EXPIRY_FORMAT}`
        : `must be a date ${EXPIRY_FORMAT}; got ${JSON.stringify(issue.input)}`,
  })
  .describe(
    'Last day the waiver applies (YYYY-MM-DD, through 23:59:59 UTC), or an exact ISO-8601 date-time.',
  );

export const waiverSchema = z
  .object({
    rule: z.string().min(1).describe('Rule id (a former id also matches), or "*" for every rule.'),
    resource: z
      .string()
      .min(1)
      .describe(
        'Resource ARN, or a glob over ARNs: "*" matches any characters (including "/" and ":"), "?" one, "{a,b}" either.',
      ),
    account: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional()
      .describe('Only findings in this account.'),
    reason: z
      .string()
      .trim()
      .min(1, 'a waiver needs a reason')
      .describe('Why the risk is accepted; shown in every report.'),
    owner: z
      .string()
      .trim()
      .min(1, 'a waiver needs an owner')
      .describe('Who accepted the risk and will revisit it.'),
    expires: expirySchema,
    scope: z
      .literal('all')
      .optional()
      .describe(
        'Required when rule and resource are both "*": says on purpose that this waiver accepts every finding (in `account`, if given).',
      ),
  })
  .strict();

export const waiversFileSchema = z
  .object({
    $schema: z.string().optional().describe('Editors: point this at schemas/waivers.schema.json.'),
    waivers: z.array(waiverSchema),
  })
  .strict()
  .describe(
    'keysweep waivers: accepted risks. Waived findings stay in every report, marked, and never fail CI.',
  );

export type Waiver = z.infer<typeof waiverSchema>;
export type WaiversFile = z.infer<typeof waiversFileSchema>;

/** The published JSON Schema (schemas/waivers.schema.json), generated from the zod schema above. */
export function waiversJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(waiversFileSchema, { target: 'draft-2020-12' }),
    $id: 'https://github.com/keysweep/keysweep/blob/main/schemas/waivers.schema.json',
    title: 'keysweep waivers file',
  };
}

export function waiversSchemaText(): string {
  return `${JSON.stringify(waiversJsonSchema(), null, 2)}\n`;
}
