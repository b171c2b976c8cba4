import { z } from 'zod';

const isoDate = z.iso.datetime({ offset: true });

/**
 * Where a usage fact came from. `last-accessed-job`: IAM's service last accessed data (Access Advisor),
 * one GenerateServiceLastAccessedDetails job per principal, which lists every service the principal's
 * policies allow and when it was last used. `access-analyzer`: the findings of an organization's IAM
 * Access Analyzer unused-access analyzer, which name only what went unused.
 */
export const usageSourceSchema = z.enum(['last-accessed-job', 'access-analyzer']);
export type UsageSource = z.infer<typeof usageSourceSchema>;

/** user, role, or an Identity Center role (AWSReservedSSO_*: a permission set in one account). */
export const usagePrincipalTypeSchema = z.enum(['user', 'role', 'identity-center-role']);
export type UsagePrincipalType = z.infer<typeof usagePrincipalTypeSchema>;

/** One action AWS tracks at action level (TrackedActionsLastAccessed), e.g. s3:GetObject. */
export const actionUsageSchema = z.object({
  /** The full action name, `namespace:Action`. */
  action: z.string(),
  lastAccessed: isoDate.nullable(),
  region: z.string().nullable(),
});
export type ActionUsage = z.infer<typeof actionUsageSchema>;

/** One service the principal's policies allow (job source) or left unused (analyzer source). */
export const serviceUsageSchema = z.object({
  /** IAM action prefix, e.g. s3, ec2. */
  namespace: z.string(),
  /** The service's display name when AWS gave it. */
  name: z.string().nullable(),
  /** Last authenticated attempt (denied attempts count); null: not within the tracking period. */
  lastAccessed: isoDate.nullable(),
  region: z.string().nullable(),
  /**
   * Action-level data, present only where AWS returned it for this service (TrackedActionsLastAccessed
   * for a job, the finding's action list for the analyzer); null: service level only.
   */
  actions: z.array(actionUsageSchema).nullable(),
});
export type ServiceUsage = z.infer<typeof serviceUsageSchema>;

const principalBase = {
  arn: z.string(),
  principalType: usagePrincipalTypeSchema,
};

export const principalUsageSchema = z.discriminatedUnion('status', [
  z.object({
    ...principalBase,
    status: z.literal('ok'),
    source: usageSourceSchema,
    /**
     * granted-services: `services` lists every service the principal's policies allow, used or not
     * (a job). unused-only: `services` lists only what went unused for the analyzer's period, so
     * what was used cannot be read from it alone (the analyzer).
     */
    coverage: z.enum(['granted-services', 'unused-only']),
    /** When AWS produced the data (job completion, finding update). */
    asOf: isoDate.nullable(),
    services: z.array(serviceUsageSchema),
    /** Analyzer only: an UnusedIAMRole finding says the principal itself went unused. */
    principalUnused: z.boolean().optional(),
  }),
  z.object({
    ...principalBase,
    status: z.literal('failed'),
    error: z.object({ code: z.string().min(1), message: z.string() }),
  }),
]);
export type PrincipalUsage = z.infer<typeof principalUsageSchema>;
export type CollectedPrincipalUsage = Extract<PrincipalUsage, { status: 'ok' }>;

/** What reading the evidence cost in one account, for the progress line and the README's call table. */
export const usageCostSchema = z.object({
  jobs: z.int().nonnegative(),
  polls: z.int().nonnegative(),
  findingReads: z.int().nonnegative(),
  seconds: z.number().nonnegative(),
});
export type UsageCost = z.infer<typeof usageCostSchema>;

/** The `iam.usage` slice of one account: which services each principal used, and when. */
export const accountUsageSchema = z.object({
  /** The window (days) "unused" is judged over (`--usage-window`); facts themselves go back ~400 days. */
  windowDays: z.int().positive(),
  principals: z.array(principalUsageSchema),
  cost: usageCostSchema,
});
export type AccountUsage = z.infer<typeof accountUsageSchema>;
