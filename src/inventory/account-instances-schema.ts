import { z } from 'zod';

/**
 * An account instance of IAM Identity Center: one a member account created for itself (its
 * OwnerAccountId is that account), outside the organization's permission sets and assignments.
 * `users` / `applications` are null when they could not be read; `unread` says why.
 */
export const accountInstanceSchema = z.object({
  instanceArn: z.string(),
  identityStoreId: z.string().nullable(),
  ownerAccountId: z.string(),
  name: z.string().nullable(),
  status: z.string().nullable(),
  createdDate: z.string().nullable(),
  region: z.string(),
  users: z.int().min(0).nullable(),
  applications: z.int().min(0).nullable(),
  /** What could not be read about this instance (e.g. "applications: AccessDeniedException"). */
  unread: z.array(z.string()),
});
export type AccountInstance = z.infer<typeof accountInstanceSchema>;

/** A region whose ListInstances failed: never read as "no account instance there". */
export const regionNotReadSchema = z.object({
  region: z.string(),
  code: z.string(),
  message: z.string(),
});
export type RegionNotRead = z.infer<typeof regionNotReadSchema>;

/**
 * The `iam.identityCenterInstances` slice: the account instances found and where they were looked for.
 * An account can create its account instance in any enabled region, so an empty `instances` means "none
 * in `regionsSearched`", nothing more.
 */
export const accountInstancesSliceSchema = z.object({
  /** Regions where ListInstances was read with the account's credentials (sorted). */
  regionsSearched: z.array(z.string()),
  /**
   * null when `regionsSearched` is the full list of regions searched; otherwise why it is not known
   * (a snapshot upgraded from schema 3, which did not record the region it searched).
   */
  regionsSearchedUnknown: z.string().nullable(),
  /** Regions whose ListInstances failed (region not enabled, AccessDenied, …). */
  regionsNotRead: z.array(regionNotReadSchema),
  instances: z.array(accountInstanceSchema),
});
export type AccountInstancesSlice = z.infer<typeof accountInstancesSliceSchema>;
