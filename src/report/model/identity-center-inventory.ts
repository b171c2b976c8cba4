import { z } from 'zod';
import type { Slice } from '../../inventory/collection.js';
import { collectedData, describeGap } from '../../inventory/slice-reader.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { applicationAccess } from '../../knowledge/application-access.js';
import { identityCenterRegionsLine } from '../../knowledge/identity-center-region.js';

const count = z.number().int().min(0);
const collection = {
  /** ok, failed or not_collected: a part not collected is shown as such, never as "none". */
  status: z.enum(['ok', 'failed', 'not_collected']),
  /** Why it is not known (failed: code and message; not collected: the reason); null when ok. */
  reason: z.string().nullable(),
};

/** The organization instance of Identity Center as the report lists it (issue 24 item 5). */
export const identityCenterInventorySchema = z.object({
  instance: z.object({
    ...collection,
    /** null when there is no instance (ok) or it is not known. */
    instanceArn: z.string().nullable(),
    identityStoreId: z.string().nullable(),
  }),
  /** The instance's regions as one line ("eu-west-1 (primary), eu-central-1") or why they are not known. */
  regions: z.string(),
  accessControlAttributes: z.object({
    ...collection,
    /** null: ABAC not configured (ok) or not known. */
    attributes: z.array(z.object({ key: z.string(), sources: z.array(z.string()) })).nullable(),
  }),
  applications: z.object({
    ...collection,
    items: z.array(
      z.object({
        name: z.string(),
        arn: z.string(),
        /** false: every user of the directory can use it; null: not read. */
        assignmentRequired: z.boolean().nullable(),
        /** Assigned users and groups; null when the assignments were not read. */
        assignedUsers: count.nullable(),
        assignedGroups: count.nullable(),
        /** People who can use it through an assignment, groups expanded; null when not known. */
        people: count.nullable(),
        notRead: z.array(z.string()),
      }),
    ),
  }),
  trustedTokenIssuers: z.object({
    ...collection,
    items: z.array(
      z.object({
        name: z.string(),
        arn: z.string(),
        type: z.string().nullable(),
        /** null: not read. */
        issuerUrl: z.string().nullable(),
      }),
    ),
  }),
});
export type IdentityCenterInventory = z.infer<typeof identityCenterInventorySchema>;

function statusOf(slice: Slice<unknown>): { status: Slice<unknown>['status']; reason: string | null } {
  return (
    describeGap<{ status: Slice<unknown>['status']; reason: string | null }>(slice, {
      failed: (error) => ({ status: 'failed', reason: `${error.code}: ${error.message}` }),
      notCollected: (reason) => ({ status: 'not_collected', reason }),
    }) ?? { status: 'ok', reason: null }
  );
}

export function buildIdentityCenterInventory(snapshot: Snapshot): IdentityCenterInventory {
  const ic = snapshot.identityCenter;
  const instance = collectedData(ic.instance) ?? null;
  const abac = ic.accessControlAttributes;
  const access = applicationAccess(snapshot);
  const people = new Map(
    access.known
      ? access.applications.map((a) => [
          a.application.applicationArn,
          a.grants === null ? null : new Set(a.grants.map((g) => g.userId)).size,
        ])
      : [],
  );
  return {
    instance: {
      ...statusOf(ic.instance),
      instanceArn: instance?.instanceArn ?? null,
      identityStoreId: instance?.identityStoreId ?? null,
    },
    regions: identityCenterRegionsLine(ic),
    accessControlAttributes: {
      ...statusOf(abac),
      attributes: collectedData(abac)?.attributes ?? null,
    },
    applications: {
      ...statusOf(ic.applications),
      items:
        collectedData(ic.applications)?.map((app) => ({
          name: app.name,
          arn: app.applicationArn,
          assignmentRequired: app.assignmentRequired,
          assignedUsers: app.assignments?.filter((a) => a.principalType === 'USER').length ?? null,
          assignedGroups: app.assignments?.filter((a) => a.principalType === 'GROUP').length ?? null,
          people: people.get(app.applicationArn) ?? null,
          notRead: app.unread,
        })) ?? [],
    },
    trustedTokenIssuers: {
      ...statusOf(ic.trustedTokenIssuers),
      items:
        collectedData(ic.trustedTokenIssuers)?.map((issuer) => ({
          name: issuer.name,
          arn: issuer.trustedTokenIssuerArn,
          type: issuer.type,
          issuerUrl: issuer.issuerUrl,
        })) ?? [],
    },
  };
}
