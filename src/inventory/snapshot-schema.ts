import { z } from 'zod';
import { collectionErrorSchema, slice } from './collection.js';
import { iamSliceSchema } from './iam-schema.js';
import { identityCenterSliceSchema } from './identity-center-schema.js';
import { rootCredentialsAuditSchema } from './root-audit-schema.js';

/**
 * 2: accounts carry iam.roles and iam.identityProviders (versions/snapshot-v1-to-v2.ts upgrades version 1).
 * 3: accounts carry iam.usage; permission sets carry relay state and tags (versions/snapshot-v2-to-v3.ts applies each branch's step in order).
 * 3 (also): accounts carry the users' other long-lived credentials; the organization the member accounts' root
 * credentials read through AssumeRoot (versions/snapshot-v2-to-v3*.ts).
 */
export const SNAPSHOT_SCHEMA_VERSION = 4;

export const organizationalUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
});

export const accountSchema = z.object({
  id: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  name: z.string(),
  email: z.string(),
  status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE', 'UNKNOWN']),
  /** OU names from the root down, e.g. ["Workloads", "Prod"]. */
  ouPath: z.array(z.string()),
  /** Whether keysweep got into the account at all (AssumeRole). */
  access: z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), via: z.enum(['caller', 'assume-role', 'fixture']) }),
    z.object({ status: z.literal('failed'), error: collectionErrorSchema }),
    z.object({ status: z.literal('skipped'), reason: z.string() }),
  ]),
  iam: iamSliceSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const centralizedRootAccessSchema = z.object({
  rootCredentialsManagement: z.boolean(),
  rootSessions: z.boolean(),
});

const shardSchema = z.object({ index: z.int().min(1), count: z.int().min(1) });

/**
 * How the crawl went, beside what it found. Optional: snapshots written before these fields existed
 * (and demo or fixture snapshots) load unchanged.
 */
export const crawlMetadataSchema = z.object({
  /** This snapshot holds the accounts of shard `index` of `count` (`collect --shard K/N`). */
  shard: shardSchema.optional(),
  /** `collect --org-only`: organization-wide data only, every account left to the shard jobs. */
  organizationOnly: z.boolean().optional(),
  /** A merged snapshot: the shards of one partition it was made from. */
  mergedShards: z.object({ count: z.int().min(1), held: z.array(z.int().min(1)) }).optional(),
  /** Wall time spent on each crawled account (AssumeRole through the last IAM call), to find slow ones. */
  accountDurationsMs: z.record(z.string(), z.number().nonnegative()).optional(),
});
export type CrawlMetadata = z.infer<typeof crawlMetadataSchema>;

export const snapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  collectedAt: z.iso.datetime({ offset: true }),
  source: z.object({ kind: z.enum(['demo', 'live', 'fixture']), tool: z.string(), toolVersion: z.string() }),
  organization: z.object({
    /** null for a standalone account that is not in an organization. */
    id: z.string().nullable(),
    managementAccountId: z.string().nullable(),
    featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING', 'NONE']),
    organizationalUnits: z.array(organizationalUnitSchema),
    centralizedRootAccess: slice(centralizedRootAccessSchema),
    /** Member accounts' root credentials read through AssumeRoot (IAMAuditRootUserCredentials). */
    rootCredentialsAudit: slice(rootCredentialsAuditSchema),
  }),
  accounts: z.array(accountSchema),
  identityCenter: identityCenterSliceSchema,
  crawl: crawlMetadataSchema.optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
