import * as crypto from 'node:crypto';
import { z } from 'zod';
import { SLICE_NAMES, type SliceName } from '../inventory/slice-table.js';
import { sha256HexPrefix } from './hex-digest-prefix.js';
import { SEVERITIES } from './severity.js';

/*
 * The finding contract, once: these zod schemas give the TypeScript types (z.infer), the published
 * schemas/report.schema.json (src/report/model/report-schema.ts) and the baseline loader's validation.
 */

const accountIdSchema = z.string().regex(/^\d{12}$/);

export const fixStepsSchema = z.object({
  /** Console steps a person can follow now. */
  console: z.array(z.string()),
  /** AWS CLI commands; placeholders in <angle brackets>. */
  cli: z.array(z.string()),
});
export type FixSteps = z.infer<typeof fixStepsSchema>;

/** Where a human or workload behind a finding should move to. */
export const migrationAdviceSchema = z.object({
  kind: z.enum([
    'human-to-identity-center',
    'workload-to-role',
    'root-to-centralized',
    'identity-center-hygiene',
    /** A person's IAM user with no permissions at all: nothing to migrate, delete it. */
    'delete-user',
    /** A documented break-glass user: kept on purpose, checked instead of migrated. */
    'keep-break-glass',
  ]),
  summary: z.string(),
  /** Proposed Identity Center group, for humans. */
  targetGroup: z.string().optional(),
  /** Proposed permission set name, for humans, and whether it already exists (absent: unknown). */
  targetPermissionSet: z.string().optional(),
  permissionSetExists: z.boolean().optional(),
  /** For workloads: role, oidc-federation, roles-anywhere. */
  replacement: z.enum(['iam-role', 'oidc-federation', 'roles-anywhere']).optional(),
  steps: z.array(z.string()).optional(),
});
export type MigrationAdvice = z.infer<typeof migrationAdviceSchema>;

export const adviceSchema = z.object({
  summary: z.string(),
  fixNow: fixStepsSchema,
  migration: migrationAdviceSchema.optional(),
});
export type Advice = z.infer<typeof adviceSchema>;

export const FRAMEWORK_IDS = ['CIS-AWS-3.0', 'CIS-AWS-5.0', 'AWS-FSBP'] as const;

export const complianceRefSchema = z.object({ framework: z.enum(FRAMEWORK_IDS), control: z.string() });
export type ComplianceRef = z.infer<typeof complianceRefSchema>;
export type Framework = ComplianceRef['framework'];

export const findingSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .describe('Stable: hash of ruleId, resourceArn and subject only.'),
  ruleId: z.string(),
  severity: z.enum(SEVERITIES),
  accountId: accountIdSchema,
  resourceArn: z.string().regex(/^arn:/),
  resourceType: z.string(),
  /** What inside the resource the finding is about (an access key id, a permission set); '' if the resource itself. */
  subject: z.string(),
  message: z.string().min(1),
  rationale: z.string(),
  advice: adviceSchema,
  compliance: z.array(complianceRefSchema),
  /** Facts behind the finding (ages, dates, counts), for reports. Not part of the fingerprint. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type Finding = z.infer<typeof findingSchema>;

/** A rule that could not run for an account (or the organization), and which slices it lacked. */
export const notEvaluatedSchema = z.object({
  ruleId: z.string(),
  /** null for organization rules. */
  accountId: accountIdSchema.nullable(),
  reason: z.string(),
  missing: z.array(
    z.object({
      slice: z.enum(SLICE_NAMES as [SliceName, ...SliceName[]]),
      status: z.enum(['failed', 'not_collected']),
      detail: z.string(),
    }),
  ),
  /** Set when the collected data does not say (not a collection failure): the scan stays complete. */
  unknown: z.literal(true).optional(),
});
export type NotEvaluated = z.infer<typeof notEvaluatedSchema>;

/**
 * The first 16 bytes of sha256(ruleId \n resourceArn \n subject), in hex (src/findings/hex-digest-prefix.ts:
 * one-shot hex digest where Node has it, copied into a flat 32-character string).
 */
export function findingId(ruleId: string, resourceArn: string, subject: string): string {
  return sha256HexPrefix(`${ruleId}\n${resourceArn}\n${subject}`);
}

/** sha256 of a string (one-shot where Node has it, 20.12+). */
export function sha256(text: string): Buffer {
  return oneShotHash
    ? oneShotHash('sha256', text, 'buffer')
    : crypto.createHash('sha256').update(text).digest();
}
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'buffer') => Buffer })
  .hash;
