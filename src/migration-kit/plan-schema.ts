import { z } from 'zod';
import { policyDocumentSchema } from '../inventory/policy-document.js';
import { planExistingSetNarrowingSchema } from './existing-set-narrowing.js';
import { planRightSizingSchema } from './right-sizing-plan.js';

/** plan.json: the migration kit's one machine-readable source; every other kit file is rendered from it. */
export const PLAN_SCHEMA_VERSION = 3;

const confidence = z.enum(['high', 'medium', 'low', 'none']);
const method = z.enum([
  'identity-map',
  'identity-store-user-name',
  'identity-store-email',
  'email-tag',
  'name-convention',
  'same-user-name',
  'none',
]);
const isoOrNull = z.string().nullable();
/** Whether the object already exists in Identity Center; null: unknown, because it was not collected. */
const exists = z.boolean().nullable();

export const planIamUserSchema = z.object({
  arn: z.string(),
  accountId: z.string(),
  userName: z.string(),
  method,
  confidence,
  evidence: z.string(),
  /** Latest of console sign-in and access-key use; null when never used. */
  lastUsed: isoOrNull,
  passwordEnabled: z.boolean(),
  accessKeys: z.array(
    z.object({ accessKeyId: z.string(), status: z.enum(['Active', 'Inactive']), lastUsed: isoOrNull }),
  ),
  /** The group that gives this access after the kit (or gives it today), or the planner's proposal when not cut over. */
  targetGroup: z.string(),
  targetPermissionSet: z.string(),
  /**
   * False when this IAM user drives nothing until someone decides (see `confirmFirst`): unresolved,
   * low-confidence match, suspected break-glass. It stays as it is; no wave cuts it over.
   */
  cutOver: z.boolean(),
});

export const planPersonSchema = z.object({
  id: z.string(),
  source: z.enum(['identity-center', 'proposed', 'unresolved']),
  identityStoreUserId: z.string().nullable(),
  userName: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  confidence,
  groups: z.array(z.string()),
  permissionSets: z.array(z.string()),
  accounts: z.array(z.string()),
  iamUsers: z.array(planIamUserSchema),
});

export const planPermissionSetSchema = z.object({
  name: z.string(),
  exists,
  arn: z.string().nullable(),
  description: z.string().nullable(),
  sessionDuration: z.string(),
  /** An existing set's relay state (carried so importing it changes nothing); null: none. */
  relayState: z.string().nullable(),
  /** An existing set's tags, carried like its relay state; null: they were not collected. */
  tags: z.record(z.string(), z.string()).nullable(),
  awsManagedPolicies: z.array(z.string()),
  customerManagedPolicies: z.array(z.string()),
  /** Merged inline policies of the IAM users (Identity Center allows one inline policy). */
  inlinePolicy: policyDocumentSchema.nullable(),
  /** Would grant every action on every resource: said loudly everywhere the set appears. */
  grantsFullAdmin: z.boolean(),
  /** False when a member account's IAM groups or policies were not collected. */
  policiesComplete: z.boolean(),
  warnings: z.array(z.string()),
  /** What the members used in the window and a narrower proposal where the evidence allows (issue 23). */
  rightSizing: planRightSizingSchema.optional(),
});

export const planGroupSchema = z.object({
  displayName: z.string(),
  /** The existing group's description is kept, so importing it changes nothing. */
  description: z.string().nullable(),
  exists,
  groupId: z.string().nullable(),
  members: z.array(z.object({ personId: z.string(), exists })),
});

export const planAssignmentSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  group: z.string(),
  permissionSet: z.string(),
  exists,
});

export const planWorkloadSchema = z.object({
  arn: z.string(),
  accountId: z.string(),
  userName: z.string(),
  replacement: z.enum(['iam-role', 'oidc-federation', 'roles-anywhere']),
  ciProvider: z.enum(['github', 'gitlab', 'other']).nullable(),
  roleName: z.string(),
  evidence: z.array(z.string()),
  servicesLastUsed: z.array(
    z.object({ service: z.string(), lastUsed: isoOrNull, region: z.string().nullable() }),
  ),
  awsManagedPolicies: z.array(z.string()),
  customerManagedPolicies: z.array(z.string()),
  inlinePolicies: z.array(z.object({ name: z.string(), document: policyDocumentSchema })),
  policiesComplete: z.boolean(),
  grantsFullAdmin: z.boolean(),
  /** A role with roleName already exists in the account (imported, never re-created); null: not collected. */
  roleExists: exists,
  /** The IAM OIDC provider the trust needs (GitHub, GitLab); null for other CI (issuer given at apply). */
  oidcProvider: z
    .object({
      /** Issuer host, as IAM stores it (no scheme). */
      url: z.string(),
      /** The existing provider's ARN when one with this URL exists: imported, since IAM allows one per URL. */
      arn: z.string().nullable(),
      exists,
      /** Audiences (client ids) the provider must list: the existing ones plus the one the trust checks. */
      clientIds: z.array(z.string()),
      /** The audience the CI system sends and the trust policy requires. */
      audience: z.string(),
    })
    .nullable(),
});

/** One IAM user the kit will not cut over until a person decides: it drives no group, membership or assignment. */
export const planConfirmFirstSchema = z.object({
  arn: z.string(),
  accountId: z.string(),
  userName: z.string(),
  /** prerequisite-missing: its permission set needs a policy the account lacks (see `blockedAssignments`). */
  reason: z.enum(['unresolved', 'low-confidence', 'suspected-break-glass', 'prerequisite-missing']),
  /** The person it was (weakly) matched to; null when nobody matched. */
  personId: z.string().nullable(),
  /** The permission set it would be carried to; null when not planned (suspected break-glass). */
  permissionSet: z.string().nullable(),
  evidence: z.string(),
  /** What to decide, and how to say it to keysweep. */
  decision: z.string(),
});

/**
 * A permission set the kit does not assign in an account because a customer managed policy or permissions
 * boundary it references is missing there (provisioning would fail, or the boundary would not apply). Its
 * IAM users are not cut over (they are in `confirmFirst`) until the policy is created and plan re-run.
 */
export const planBlockedAssignmentSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  permissionSet: z.string(),
  missing: z.array(
    z.object({
      kind: z.enum(['customer-managed-policy', 'permissions-boundary']),
      name: z.string(),
      path: z.string(),
    }),
  ),
  /** What to create first, one line per missing policy. */
  steps: z.array(z.string()),
  /** The IAM users this assignment would have carried. */
  iamUsers: z.array(z.string()),
});

const accessChange = z.enum(['kept', 'narrowed', 'removed', 'added', 'confirm-first']);

/** One person × account × permission of the access diff (access-diff.csv has the same columns). */
export const accessDiffRowSchema = z.object({
  change: accessChange,
  person: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  /** Permission set name, or `role <name>` for a cross-account role reached from an IAM user. */
  permission: z.string(),
  /** How the person has it today (empty: not at all). */
  before: z.string(),
  /** How the person has it once the kit is applied and the cut-over IAM users are deleted (empty: not at all). */
  after: z.string(),
  note: z.string(),
});

/** Today's access against the kit's: the kit never gives anyone access they do not have today. */
export const accessDiffSchema = z.object({
  /** False when Identity Center's access today was not collected: the diff covers the IAM users only. */
  complete: z.boolean(),
  summary: z.object({
    kept: z.number().int(),
    narrowed: z.number().int(),
    removed: z.number().int(),
    added: z.number().int(),
    confirmFirst: z.number().int(),
  }),
  notes: z.array(z.string()),
  rows: z.array(accessDiffRowSchema),
});

export const planGapSchema = z.object({
  scope: z.enum(['organization', 'account']),
  accountId: z.string().nullable(),
  slice: z.string(),
  reason: z.string(),
  effect: z.string(),
});

export const planSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('keysweep'), version: z.string() }),
  generatedAt: z.string(),
  inventory: z.object({ source: z.string(), collectedAt: z.string(), organizationId: z.string().nullable() }),
  identityCenter: z.object({
    status: z.enum(['present', 'absent', 'unknown']),
    instanceArn: z.string().nullable(),
    identityStoreId: z.string().nullable(),
    region: z.string().nullable(),
    idp: z.enum(['identity-center', 'external']),
  }),
  gaps: z.array(planGapSchema),
  warnings: z.array(z.string()),
  people: z.array(planPersonSchema),
  unmatched: z.array(
    z.object({ arn: z.string(), accountId: z.string(), userName: z.string(), reason: z.string() }),
  ),
  breakGlass: z.array(z.object({ arn: z.string(), accountId: z.string(), userName: z.string() })),
  /** IAM users that drive nothing until someone decides: unresolved, low-confidence, suspected break-glass. */
  confirmFirst: z.array(planConfirmFirstSchema),
  /** People's IAM users that grant nothing: deleted, not migrated (no empty permission set is proposed). */
  withoutPermissions: z.array(
    z.object({ arn: z.string(), accountId: z.string(), userName: z.string(), evidence: z.array(z.string()) }),
  ),
  groups: z.array(planGroupSchema),
  permissionSets: z.array(planPermissionSetSchema),
  assignments: z.array(planAssignmentSchema),
  blockedAssignments: z.array(planBlockedAssignmentSchema),
  workloads: z.array(planWorkloadSchema),
  accessDiff: accessDiffSchema,
  /** Existing permission sets narrowed from their AWSReservedSSO_* roles' usage (issue 23). */
  existingSetNarrowing: z.array(planExistingSetNarrowingSchema).optional(),
});
export type KitPlan = z.infer<typeof planSchema>;
export type PlanPerson = z.infer<typeof planPersonSchema>;
export type PlanPermissionSet = z.infer<typeof planPermissionSetSchema>;
export type PlanWorkload = z.infer<typeof planWorkloadSchema>;
export type PlanGap = z.infer<typeof planGapSchema>;
export type PlanConfirmFirst = z.infer<typeof planConfirmFirstSchema>;
export type PlanBlockedAssignment = z.infer<typeof planBlockedAssignmentSchema>;
export type AccessDiff = z.infer<typeof accessDiffSchema>;
export type AccessDiffRow = z.infer<typeof accessDiffRowSchema>;

export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://github.com/keysweep/keysweep/blob/main/schemas/plan.schema.json',
    title: 'keysweep migration plan (plan.json written by keysweep plan)',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
