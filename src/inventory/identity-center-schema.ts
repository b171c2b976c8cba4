import { z } from 'zod';
import { slice } from './collection.js';
import {
  accessControlAttributesSchema,
  identityCenterApplicationSchema,
  trustedTokenIssuerSchema,
} from './identity-center-applications-schema.js';
import { identityCenterRegionSchema } from './identity-center-regions-schema.js';
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
    }),
  ),
  groups: z.array(
    z.object({ groupId: z.string(), displayName: z.string(), description: z.string().nullable() }),
  ),
  memberships: z.array(z.object({ groupId: z.string(), userId: z.string() })),
});
export type IdentityStore = z.infer<typeof identityStoreSchema>;

export const identityCenterSliceSchema = z.object({
  /** data null: no Identity Center instance exists (a fact, not an error). */
  instance: slice(identityCenterInstanceSchema.nullable()),
  permissionSets: slice(z.array(permissionSetSchema)),
  assignments: slice(z.array(accountAssignmentSchema)),
  provisioning: slice(z.array(provisioningSchema)),
  identityStore: slice(identityStoreSchema),
  /** The instance's regions (multi-Region Identity Center) and which one is primary. */
  regions: slice(z.array(identityCenterRegionSchema)),
  /** ABAC: the instance's access-control attributes (data null: not configured). */
  accessControlAttributes: slice(accessControlAttributesSchema.nullable()),
  /** Applications of the instance with their assignments (an application assignment is access). */
  applications: slice(z.array(identityCenterApplicationSchema)),
  /** Trusted token issuers (trusted identity propagation from an external OIDC issuer). */
  trustedTokenIssuers: slice(z.array(trustedTokenIssuerSchema)),
});
export type IdentityCenterSlice = z.infer<typeof identityCenterSliceSchema>;
