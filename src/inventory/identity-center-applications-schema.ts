import { z } from 'zod';

/**
 * ABAC and trusted identity propagation of the organization instance (issue 24 item 5): the
 * access-control attributes, the applications (with who is assigned to each) and the trusted token
 * issuers. What one call could not read is listed in `unread` and left null, never read as empty.
 */

/** One access-control attribute (ABAC): the session tag key and where its value comes from. */
export const accessControlAttributeSchema = z.object({
  key: z.string(),
  /** Identity store paths such as `${path:enterprise.department}`. */
  sources: z.array(z.string()),
});

/** sso:DescribeInstanceAccessControlAttributeConfiguration; slice data null: ABAC not configured. */
export const accessControlAttributesSchema = z.object({
  /** ENABLED, CREATION_IN_PROGRESS, CREATION_FAILED (null when the API did not say). */
  status: z.string().nullable(),
  statusReason: z.string().nullable(),
  attributes: z.array(accessControlAttributeSchema),
});
export type AccessControlAttributes = z.infer<typeof accessControlAttributesSchema>;

export const applicationAssignmentSchema = z.object({
  principalType: z.enum(['USER', 'GROUP']),
  principalId: z.string(),
});
export type ApplicationAssignment = z.infer<typeof applicationAssignmentSchema>;

/** One application of the instance (sso:ListApplications) with its assignments. */
export const identityCenterApplicationSchema = z.object({
  applicationArn: z.string(),
  name: z.string(),
  /** The account the application belongs to (null when the API did not say). */
  applicationAccount: z.string().nullable(),
  applicationProviderArn: z.string().nullable(),
  /** ENABLED / DISABLED. */
  status: z.string().nullable(),
  /** Access portal visibility: ENABLED / DISABLED. */
  visibility: z.string().nullable(),
  /**
   * sso:GetApplicationAssignmentConfiguration: false means every user of the directory can use the
   * application, assigned or not. null: not read (see `unread`).
   */
  assignmentRequired: z.boolean().nullable(),
  /** sso:ListApplicationAssignments; null: not read (see `unread`). */
  assignments: z.array(applicationAssignmentSchema).nullable(),
  /** What could not be read about this application, one line each. */
  unread: z.array(z.string()),
});
export type IdentityCenterApplication = z.infer<typeof identityCenterApplicationSchema>;

/** One trusted token issuer (sso:ListTrustedTokenIssuers + DescribeTrustedTokenIssuer). */
export const trustedTokenIssuerSchema = z.object({
  trustedTokenIssuerArn: z.string(),
  name: z.string(),
  /** OIDC_JWT today. */
  type: z.string().nullable(),
  /** The external issuer whose tokens Identity Center accepts (null: not read, see `unread`). */
  issuerUrl: z.string().nullable(),
  claimAttributePath: z.string().nullable(),
  identityStoreAttributePath: z.string().nullable(),
  unread: z.array(z.string()),
});
export type TrustedTokenIssuer = z.infer<typeof trustedTokenIssuerSchema>;
