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
