import { z } from 'zod';
import { MAX_POLICY_NESTING, nestingDepthExceeds } from './policy-nesting-depth.js';

const stringOrList = z.union([z.string(), z.array(z.string())]);

export const policyStatementSchema = z.looseObject({
  Sid: z.string().optional(),
  Effect: z.enum(['Allow', 'Deny']),
  Action: stringOrList.optional(),
  NotAction: stringOrList.optional(),
  Resource: stringOrList.optional(),
  NotResource: stringOrList.optional(),
  Principal: z.unknown().optional(),
  Condition: z.record(z.string(), z.unknown()).optional(),
});
export type PolicyStatement = z.infer<typeof policyStatementSchema>;

const TOO_DEEP = `nested more than ${MAX_POLICY_NESTING} levels deep: not an IAM policy document`;

/** The words for a policy given as a JSON string that failed policyDocumentSchema (no field path to name). */
export function policyDocumentProblem(error: z.ZodError): string {
  return error.issues.some((issue) => issue.message === TOO_DEEP) ? TOO_DEEP : 'not an IAM policy document';
}

export const policyDocumentSchema = z
  .looseObject({
    Version: z.string().optional(),
    Statement: z.union([policyStatementSchema, z.array(policyStatementSchema)]),
  })
  .refine((document) => !nestingDepthExceeds(document, MAX_POLICY_NESTING), { message: TOO_DEEP });
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export const attachedPolicySchema = z.object({ policyName: z.string(), policyArn: z.string() });
export type AttachedPolicy = z.infer<typeof attachedPolicySchema>;

export const inlinePolicySchema = z.object({ policyName: z.string(), document: policyDocumentSchema });
export type InlinePolicy = z.infer<typeof inlinePolicySchema>;

/** Statements of a document as a list, whatever shape IAM returned. */
export function statementsOf(document: PolicyDocument): PolicyStatement[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

/** A string-or-list field as a list. */
export function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
