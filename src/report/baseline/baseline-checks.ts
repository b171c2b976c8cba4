import { z } from 'zod';
import { migrationAdviceSchema } from '../../findings/finding.js';
import { lazyUnchangedCheck } from '../../inventory/unchanged-check/compile-unchanged-check.js';
import { UNSURE, type UnchangedCheck } from '../../inventory/unchanged-check/verdict.js';
import { reportFileFindingSchema } from '../model/report-file.js';

/**
 * report.json's finding fields in the order its writer writes them (render-json.ts findingLine). The
 * schema lists `advice` last (it is redefined for the compact form); zod returns its shape's order, so a
 * finding as written would never be "unchanged" by zod, though zod changes nothing else in it.
 */
export const REPORT_FILE_FINDING_KEYS = [
  'id',
  'ruleId',
  'severity',
  'accountId',
  'resourceArn',
  'resourceType',
  'subject',
  'message',
  'advice',
  'details',
  'waiver',
  'baselineState',
  'relatedTo',
] as const;

/**
 * reportFileFindingSchema with its keys in report.json's order (same fields, same rules, same stripping of
 * unknown keys), or undefined when the two no longer have the same keys.
 */
export function findingSchemaInFileOrder(): z.ZodObject | undefined {
  const shape = reportFileFindingSchema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  if (keys.length !== REPORT_FILE_FINDING_KEYS.length || !REPORT_FILE_FINDING_KEYS.every((k) => k in shape))
    return undefined;
  return z.object(Object.fromEntries(REPORT_FILE_FINDING_KEYS.map((key) => [key, shape[key]!])));
}

let findingCheck: UnchangedCheck | undefined;

/**
 * Whether a baseline's finding, as parsed, is one zod accepts and would return with the same fields and
 * values (see compileUnchangedCheck): then the value itself stands for zod's output. Key order aside, which
 * nothing that reads a baseline finding depends on (expandFinding builds each finding in its own order).
 */
export function baselineFindingUnchanged(value: unknown): number {
  if (!findingCheck) {
    const schema = findingSchemaInFileOrder();
    findingCheck = schema ? lazyUnchangedCheck(schema) : () => UNSURE;
  }
  return findingCheck(value);
}

/** Whether zod would return a migration advice entry unchanged. */
export const migrationAdviceUnchanged = lazyUnchangedCheck(migrationAdviceSchema);
