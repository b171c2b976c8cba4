import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { describeZodError, InputError } from '../../io/input-error.js';
import { readStructuredFile } from '../../io/read-structured-file.js';

const IAM_USER_ARN = /^arn:aws[\w-]*:iam::\d{12}:user\/.+$/;

/** One line of --identity-map: an IAM user ARN and who that user really is. */
export const identityMapEntrySchema = z
  .object({
    iamUserArn: z.string().regex(IAM_USER_ARN, 'must be an IAM user ARN (arn:aws:iam::ACCOUNT:user/NAME)'),
    email: z.email().optional(),
    userName: z.string().min(1).optional(),
    displayName: z.string().min(1).optional(),
  })
  .refine((entry) => entry.email !== undefined || entry.userName !== undefined, {
    message: 'give email or userName',
  });
export type IdentityMapEntry = z.infer<typeof identityMapEntrySchema>;

const identityMapFileSchema = z.object({ mappings: z.array(identityMapEntrySchema) });

/** By IAM user ARN. */
export type IdentityMap = ReadonlyMap<string, IdentityMapEntry>;

const CSV_COLUMNS: Record<string, keyof IdentityMapEntry> = {
  iam_user_arn: 'iamUserArn',
  email: 'email',
  user_name: 'userName',
  display_name: 'displayName',
};

/**
 * Reads --identity-map: CSV with a header (iam_user_arn,email,user_name,display_name) or YAML/JSON
 * `{ mappings: [{ iamUserArn, email?, userName?, displayName? }] }`. Any problem is one InputError line.
 */
export async function loadIdentityMap(path: string): Promise<IdentityMap> {
  const raw = /\.csv$/i.test(path) ? await readCsvRows(path) : await readStructuredFile(path, { yaml: true });
  const parsed = identityMapFileSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(describeZodError(path, parsed.error));
  const map = new Map<string, IdentityMapEntry>();
  parsed.data.mappings.forEach((entry, index) => {
    if (map.has(entry.iamUserArn))
      throw new InputError(`${path}: mappings.${index}.iamUserArn: ${entry.iamUserArn} is mapped twice`);
    map.set(entry.iamUserArn, entry);
  });
  return map;
}

async function readCsvRows(path: string): Promise<{ mappings: Record<string, string>[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new InputError(`${path}: not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = Object.keys(rows[0] ?? {});
  const unknown = header.find((column) => !(column in CSV_COLUMNS));
  if (unknown !== undefined)
    throw new InputError(
      `${path}: unknown column "${unknown}" (expected ${Object.keys(CSV_COLUMNS).join(', ')})`,
    );
  return {
    mappings: rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([, value]) => value !== '')
          .map(([column, value]) => [CSV_COLUMNS[column]!, value]),
      ),
    ),
  };
}
