import { z } from 'zod';

export const ACCESS_MATRIX_SCHEMA_VERSION = 1;

export const ACCESS_PATHS = [
  'identity-center',
  'iam-user',
  'cross-account-role',
  'saml-role',
  'oidc-role',
  /** An Identity Center application assignment: access to an application, not to an account. */
  'identity-center-application',
] as const;
export type AccessPath = (typeof ACCESS_PATHS)[number];

/** One way one principal reaches one account with one set of permissions. */
export const accessRowSchema = z.object({
  /** Identity Center user name, IAM user name, "<provider> (SAML)" or "<issuer> <subject>" (OIDC). */
  principal: z.string(),
  /** federated: the people of an identity provider connected straight to IAM (who they are is in the IdP). */
  principalKind: z.enum(['person', 'workload', 'federated']),
  accountId: z.string(),
  accountName: z.string(),
  path: z.enum(ACCESS_PATHS),
  /** How: "direct assignment" or "group <name>", the IAM user ARN, "<user ARN> → <role ARN>", the role ARN. */
  via: z.string(),
  /** Permission set name, or the IAM policies (comma-separated) of the user or role. */
  permission: z.string(),
  /** Administrator-equivalent ("*" on "*" or AdministratorAccess); null when the policies were not collected. */
  adminEquivalent: z.boolean().nullable(),
  /** Services used in the usage window with their last use, "none in N days", or null (not known). */
  used: z.string().nullable().optional(),
  /**
   * iam-user rows: the user's active long-lived credentials, i.e. how it reaches the account (console
   * password, access keys, SSH public keys, service-specific credentials, signing certificates; a kind
   * not collected says "unknown"); "none" when it holds none. Absent on other paths.
   */
  credentials: z.string().nullable().optional(),
  /**
   * identity-center-application rows: the application reached (accountId and accountName are then empty:
   * an application assignment is not access to an account). Absent on other paths.
   */
  application: z.object({ arn: z.string(), name: z.string() }).optional(),
});
export type AccessRow = z.infer<typeof accessRowSchema>;

/** Where the matrix cannot say who has access, because a slice was not collected. */
export const accessGapSchema = z.object({
  accountId: z.string().nullable(),
  slice: z.string(),
  reason: z.string(),
});
export type AccessGap = z.infer<typeof accessGapSchema>;

export const accessMatrixSchema = z.object({
  schemaVersion: z.literal(ACCESS_MATRIX_SCHEMA_VERSION),
  organizationId: z.string().nullable(),
  snapshotCollectedAt: z.string(),
  /** The filters applied (--person, --account, --permission-set); null when not given. */
  filters: z.object({
    person: z.string().nullable(),
    account: z.string().nullable(),
    permissionSet: z.string().nullable(),
  }),
  rows: z.array(accessRowSchema),
  unknown: z.array(accessGapSchema),
});
export type AccessMatrix = z.infer<typeof accessMatrixSchema>;

export function accessMatrixJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/keysweep/keysweep/blob/main/schemas/access-matrix.schema.json',
    title: 'keysweep access matrix',
    ...z.toJSONSchema(accessMatrixSchema, { target: 'draft-2020-12' }),
  };
}
