import { z } from 'zod';
import { attachedPolicySchema, inlinePolicySchema, policyDocumentSchema } from './policy-document.js';

const isoDate = z.iso.datetime({ offset: true });

export const mfaDeviceSchema = z.object({
  serialNumber: z.string(),
  kind: z.enum(['virtual', 'hardware', 'passkey', 'unknown']),
  enableDate: isoDate.nullable(),
});
export type MfaDevice = z.infer<typeof mfaDeviceSchema>;

export const accessKeySchema = z.object({
  accessKeyId: z.string(),
  status: z.enum(['Active', 'Inactive']),
  createDate: isoDate,
  lastUsedDate: isoDate.nullable(),
  lastUsedService: z.string().nullable(),
  lastUsedRegion: z.string().nullable(),
});
export type AccessKey = z.infer<typeof accessKeySchema>;

export const iamUserSchema = z.object({
  arn: z.string(),
  userId: z.string(),
  userName: z.string(),
  path: z.string(),
  createDate: isoDate,
  passwordEnabled: z.boolean(),
  passwordLastUsed: isoDate.nullable(),
  passwordLastChanged: isoDate.nullable(),
  mfaDevices: z.array(mfaDeviceSchema),
  accessKeys: z.array(accessKeySchema),
  groups: z.array(z.string()),
  attachedPolicies: z.array(attachedPolicySchema),
  inlinePolicies: z.array(inlinePolicySchema),
  permissionsBoundaryArn: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
});
export type IamUser = z.infer<typeof iamUserSchema>;

export const iamGroupSchema = z.object({
  arn: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  path: z.string(),
  createDate: isoDate,
  attachedPolicies: z.array(attachedPolicySchema),
  inlinePolicies: z.array(inlinePolicySchema),
});
export type IamGroup = z.infer<typeof iamGroupSchema>;

export const managedPolicySchema = z.object({
  arn: z.string(),
  policyName: z.string(),
  awsManaged: z.boolean(),
  attachmentCount: z.number().int().nonnegative(),
  defaultVersionId: z.string().nullable(),
  /** The default version's document; null when it was not fetched (AWS managed policies not attached). */
  document: policyDocumentSchema.nullable(),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

export const passwordPolicySchema = z.object({
  minimumPasswordLength: z.number().int().nullable(),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercaseCharacters: z.boolean(),
  requireLowercaseCharacters: z.boolean(),
  allowUsersToChangePassword: z.boolean(),
  expirePasswords: z.boolean(),
  maxPasswordAge: z.number().int().nullable(),
  passwordReusePrevention: z.number().int().nullable(),
  hardExpiry: z.boolean(),
});
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

export const rootAccessKeySchema = z.object({
  slot: z.union([z.literal(1), z.literal(2)]),
  active: z.boolean(),
  lastRotated: isoDate.nullable(),
  lastUsedDate: isoDate.nullable(),
  lastUsedService: z.string().nullable(),
});
export type RootAccessKey = z.infer<typeof rootAccessKeySchema>;

export const rootAccountSchema = z.object({
  arn: z.string(),
  /** null when it could not be determined (the credential report says not_supported for root). */
  passwordEnabled: z.boolean().nullable(),
  passwordLastUsed: isoDate.nullable(),
  passwordLastChanged: isoDate.nullable(),
  accessKeys: z.array(rootAccessKeySchema),
  signingCertificatesActive: z.boolean(),
  mfaActive: z.boolean(),
  /** Kind of root MFA when known: hardware when no virtual device serial belongs to root. */
  mfaKind: z.enum(['none', 'virtual', 'hardware', 'unknown']),
  /**
   * false: the credential report had no <root_account> row (moto, some accounts), so root's last use is
   * unknown and the rest came from the account summary. Absent in snapshots of older keysweeps (read as true).
   */
  reportRow: z.boolean().optional(),
});
export type RootAccount = z.infer<typeof rootAccountSchema>;

/** An account's slices are built from the slice table rows (slice-group-schemas.ts). */
export type { IamSlice } from './slice-group-schemas.js';
