import { z } from 'zod';
import { attachedPolicySchema, inlinePolicySchema, policyDocumentSchema } from './policy-document.js';

const isoDate = z.iso.datetime({ offset: true });

/** An IAM role: who may assume it (trust policy), what it may do, and when it was last used. */
export const iamRoleSchema = z.object({
  arn: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  path: z.string(),
  createDate: isoDate,
  /** The assume-role (trust) policy. */
  trustPolicy: policyDocumentSchema,
  attachedPolicies: z.array(attachedPolicySchema),
  inlinePolicies: z.array(inlinePolicySchema),
  permissionsBoundaryArn: z.string().nullable(),
  /** RoleLastUsed: null when IAM has no record (never used, or not within its tracking window). */
  lastUsedDate: isoDate.nullable(),
  lastUsedRegion: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
});
export type IamRole = z.infer<typeof iamRoleSchema>;

export const samlProviderSchema = z.object({
  arn: z.string(),
  /** The provider name (last part of the ARN). */
  name: z.string(),
  createDate: isoDate.nullable(),
  validUntil: isoDate.nullable(),
});
export type SamlProvider = z.infer<typeof samlProviderSchema>;

export const oidcProviderSchema = z.object({
  arn: z.string(),
  /** Issuer host and path without the scheme, e.g. token.actions.githubusercontent.com. */
  url: z.string(),
  clientIds: z.array(z.string()),
  createDate: isoDate.nullable(),
});
export type OidcProvider = z.infer<typeof oidcProviderSchema>;

/** IAM identity providers: federation into IAM that bypasses IAM Identity Center. */
export const identityProvidersSchema = z.object({
  saml: z.array(samlProviderSchema),
  oidc: z.array(oidcProviderSchema),
});
export type IdentityProviders = z.infer<typeof identityProvidersSchema>;
