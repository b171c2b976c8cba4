import { z } from 'zod';
import { externalIdsSchema } from './identity-store-external-ids-schema.js';
import { policyDocumentSchema } from './policy-document.js';

const isoDate = z.iso.datetime({ offset: true });

export const identityCenterInstanceSchema = z.object({
  instanceArn: z.string(),
  identityStoreId: z.string(),
  homeRegion: z.string(),
  ownerAccountId: z.string().nullable(),
  status: z.string().nullable(),
});
export type IdentityCenterInstance = z.infer<typeof identityCenterInstanceSchema>;

export const permissionSetSchema = z.object({
  arn: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** ISO-8601 duration as Identity Center stores it, e.g. PT8H. */
  sessionDuration: z.string(),
  /** The access portal's landing URL for the set (DescribePermissionSet); null: none. */
  relayState: z.string().nullable(),
  /** ListTagsForResource; null: not collected (denied, or a snapshot from before schema 3). */
  tags: z.record(z.string(), z.string()).nullable(),
  createdDate: isoDate.nullable(),
  managedPolicies: z.array(z.object({ arn: z.string(), name: z.string() })),
  customerManagedPolicies: z.array(z.object({ name: z.string(), path: z.string() })),
  inlinePolicy: policyDocumentSchema.nullable(),
  permissionsBoundary: z
    .object({
      managedPolicyArn: z.string().nullable(),
      customerManagedPolicy: z.object({ name: z.string(), path: z.string() }).nullable(),
    })
    .nullable(),
});
export type PermissionSet = z.infer<typeof permissionSetSchema>;

export const accountAssignmentSchema = z.object({
  accountId: z.string(),
  permissionSetArn: z.string(),
  principalType: z.enum(['USER', 'GROUP']),
  principalId: z.string(),
});
export type AccountAssignment = z.infer<typeof accountAssignmentSchema>;

export const provisioningSchema = z.object({
  permissionSetArn: z.string(),
  accountId: z.string(),
  status: z.enum(['current', 'outdated']),
});
export type Provisioning = z.infer<typeof provisioningSchema>;

export const identityStoreSchema = z.object({
  users: z.array(
    z.object({
      userId: z.string(),
      userName: z.string(),
      displayName: z.string().nullable(),
      emails: z.array(z.string()),
      /**
       * ExternalIds (SCIM / AD sync): [] none; null or absent: not collected (a snapshot from before schema 4,
       * or a hand-built inventory). Optional so inventories built without it stay valid and read as unknown.
       */
      externalIds: externalIdsSchema.nullish(),
    }),
  ),
  groups: z.array(
    z.object({
      groupId: z.string(),
      displayName: z.string(),
      description: z.string().nullable(),
      /** As for users: [] none; null or absent: not collected. */
      externalIds: externalIdsSchema.nullish(),
    }),
  ),
  memberships: z.array(z.object({ groupId: z.string(), userId: z.string() })),
});
export type IdentityStore = z.infer<typeof identityStoreSchema>;

export type IdentityStoreUser = IdentityStore['users'][number];
export type IdentityStoreGroup = IdentityStore['groups'][number];

/** The Identity Center slices are built from the slice table rows (slice-group-schemas.ts). */
export type { IdentityCenterSlice } from './slice-group-schemas.js';
