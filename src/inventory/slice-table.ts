import { z } from 'zod';
import { accountInstancesSliceSchema } from './account-instances-schema.js';
import { centralizedRootAccessSchema } from './centralized-root-access-schema.js';
import type { Slice } from './collection.js';
import { iamRoleSchema, identityProvidersSchema } from './iam-roles-schema.js';
import {
  iamGroupSchema,
  iamUserSchema,
  managedPolicySchema,
  passwordPolicySchema,
  rootAccountSchema,
} from './iam-schema.js';
import { accountUsageSchema } from './iam-usage-schema.js';
import {
  accessControlAttributesSchema,
  identityCenterApplicationSchema,
  trustedTokenIssuerSchema,
} from './identity-center-applications-schema.js';
import { identityCenterRegionSchema } from './identity-center-regions-schema.js';
import {
  accountAssignmentSchema,
  identityCenterInstanceSchema,
  identityStoreSchema,
  permissionSetSchema,
  provisioningSchema,
} from './identity-center-schema.js';
import {
  serviceCredentialSchema,
  signingCertificateSchema,
  sshPublicKeySchema,
} from './long-lived-credentials-schema.js';
import { rootCredentialsAuditSchema } from './root-audit-schema.js';

/**
 * The one list of collected data. A slice is one row: its name, its scope, where it lives in the
 * snapshot, the zod schema of its data, the collector that fills it and the IAM actions that
 * collector calls for it. The engine, the not-collected placeholders, the scan status and
 * `keysweep policy` are derived from this table; adding a data source means a schema, a collector
 * and one row here.
 */

/** The collectors that fill slices (src/collectors/slice-collectors.ts maps each to its function). */
export type CollectorId =
  | 'organization'
  | 'account-iam'
  | 'account-usage'
  | 'identity-center'
  | 'account-identity-center'
  | 'root-audit';

export interface SliceRow {
  /** organization: one per snapshot; account: one per account, under the account. */
  readonly scope: 'organization' | 'account';
  /** Path of the slice from the snapshot (organization scope) or from the account (account scope). */
  readonly location: readonly [string, string];
  /** Schema of the slice's data when it was collected. */
  readonly schema: z.ZodType;
  readonly collector: CollectorId;
  /** IAM actions the collector calls to fill this slice. */
  readonly actions: readonly string[];
}

const CREDENTIAL_REPORT = ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'] as const;
const SSO_SETS = ['sso:ListInstances', 'sso:ListPermissionSets'] as const;

export const SLICE_TABLE = {
  'iam.users': {
    scope: 'account',
    location: ['iam', 'users'],
    schema: z.array(iamUserSchema),
    collector: 'account-iam',
    actions: [
      ...CREDENTIAL_REPORT,
      'iam:GetAccountAuthorizationDetails',
      'iam:ListAccessKeys',
      'iam:ListVirtualMFADevices',
    ],
  },
  'iam.groups': {
    scope: 'account',
    location: ['iam', 'groups'],
    schema: z.array(iamGroupSchema),
    collector: 'account-iam',
    actions: ['iam:GetAccountAuthorizationDetails'],
  },
  'iam.policies': {
    scope: 'account',
    location: ['iam', 'policies'],
    schema: z.array(managedPolicySchema),
    collector: 'account-iam',
    actions: ['iam:GetAccountAuthorizationDetails'],
  },
  'iam.passwordPolicy': {
    scope: 'account',
    location: ['iam', 'passwordPolicy'],
    // null: the account has no password policy (a fact, not an error).
    schema: passwordPolicySchema.nullable(),
    collector: 'account-iam',
    actions: ['iam:GetAccountPasswordPolicy'],
  },
  'iam.accountSummary': {
    scope: 'account',
    location: ['iam', 'accountSummary'],
    schema: z.record(z.string(), z.number()),
    collector: 'account-iam',
    actions: ['iam:GetAccountSummary'],
  },
  'iam.root': {
    scope: 'account',
    location: ['iam', 'root'],
    schema: rootAccountSchema,
    collector: 'account-iam',
    actions: [...CREDENTIAL_REPORT, 'iam:GetAccountSummary', 'iam:ListVirtualMFADevices'],
  },
  'iam.roles': {
    scope: 'account',
    location: ['iam', 'roles'],
    schema: z.array(iamRoleSchema),
    collector: 'account-iam',
    // Roles come in the same GetAccountAuthorizationDetails pages (filter Role).
    actions: ['iam:GetAccountAuthorizationDetails'],
  },
  'iam.identityProviders': {
    scope: 'account',
    location: ['iam', 'identityProviders'],
    schema: identityProvidersSchema,
    collector: 'account-iam',
    actions: ['iam:ListSAMLProviders', 'iam:ListOpenIDConnectProviders', 'iam:GetOpenIDConnectProvider'],
  },
  'iam.usage': {
    scope: 'account',
    location: ['iam', 'usage'],
    schema: accountUsageSchema,
    collector: 'account-usage',
    // Jobs in the account; an organization unused-access analyzer, where one exists, read instead.
    actions: [
      'iam:GenerateServiceLastAccessedDetails',
      'iam:GetServiceLastAccessedDetails',
      'access-analyzer:ListAnalyzers',
      'access-analyzer:GetAnalyzer',
      'access-analyzer:ListFindingsV2',
      'access-analyzer:GetFindingV2',
    ],
  },
  'iam.sshPublicKeys': {
    scope: 'account',
    location: ['iam', 'sshPublicKeys'],
    schema: z.array(sshPublicKeySchema),
    collector: 'account-iam',
    // One call per user: no report column or account-wide list says who has SSH keys.
    actions: ['iam:GetAccountAuthorizationDetails', 'iam:ListSSHPublicKeys'],
  },
  'iam.signingCertificates': {
    scope: 'account',
    location: ['iam', 'signingCertificates'],
    schema: z.array(signingCertificateSchema),
    collector: 'account-iam',
    // The credential report's cert_* columns: no ListSigningCertificates per user.
    actions: [...CREDENTIAL_REPORT],
  },
  'iam.serviceCredentials': {
    scope: 'account',
    location: ['iam', 'serviceCredentials'],
    schema: z.array(serviceCredentialSchema),
    collector: 'account-iam',
    actions: ['iam:GetAccountAuthorizationDetails', 'iam:ListServiceSpecificCredentials'],
  },
  'iam.identityCenterInstances': {
    scope: 'account',
    location: ['iam', 'identityCenterInstances'],
    // Account instances of Identity Center the account owns (never the organization instance).
    schema: accountInstancesSliceSchema,
    collector: 'account-identity-center',
    // With the account's credentials, in each region searched (--instance-regions; default: the scan's
    // Identity Center region and the organization instance's other regions): one ListInstances per region,
    // then per account instance its users and applications (paginated).
    actions: ['sso:ListInstances', 'sso:ListApplications', 'identitystore:ListUsers'],
  },
  'org.centralizedRootAccess': {
    scope: 'organization',
    location: ['organization', 'centralizedRootAccess'],
    schema: centralizedRootAccessSchema,
    collector: 'organization',
    // Centralized root access is an IAM API about the organization.
    actions: ['iam:ListOrganizationsFeatures'],
  },
  'org.rootCredentialsAudit': {
    scope: 'organization',
    location: ['organization', 'rootCredentialsAudit'],
    schema: rootCredentialsAuditSchema,
    collector: 'root-audit',
    // From the management account: one AssumeRoot per member account, scoped by the AWS managed task
    // policy IAMAuditRootUserCredentials, then the listing calls that policy allows on the root user.
    actions: [
      'iam:ListOrganizationsFeatures',
      'sts:AssumeRoot',
      'iam:GetLoginProfile',
      'iam:GetUser',
      'iam:ListAccessKeys',
      'iam:GetAccessKeyLastUsed',
      'iam:ListMFADevices',
      'iam:ListSigningCertificates',
    ],
  },
  'sso.instance': {
    scope: 'organization',
    location: ['identityCenter', 'instance'],
    // null: no Identity Center instance exists (a fact, not an error).
    schema: identityCenterInstanceSchema.nullable(),
    collector: 'identity-center',
    actions: ['sso:ListInstances'],
  },
  'sso.permissionSets': {
    scope: 'organization',
    location: ['identityCenter', 'permissionSets'],
    schema: z.array(permissionSetSchema),
    collector: 'identity-center',
    actions: [
      ...SSO_SETS,
      'sso:DescribePermissionSet',
      'sso:ListManagedPoliciesInPermissionSet',
      'sso:ListCustomerManagedPolicyReferencesInPermissionSet',
      'sso:GetInlinePolicyForPermissionSet',
      'sso:GetPermissionsBoundaryForPermissionSet',
      'sso:ListTagsForResource',
    ],
  },
  'sso.assignments': {
    scope: 'organization',
    location: ['identityCenter', 'assignments'],
    schema: z.array(accountAssignmentSchema),
    collector: 'identity-center',
    actions: [...SSO_SETS, 'sso:ListAccountsForProvisionedPermissionSet', 'sso:ListAccountAssignments'],
  },
  'sso.provisioning': {
    scope: 'organization',
    location: ['identityCenter', 'provisioning'],
    schema: z.array(provisioningSchema),
    collector: 'identity-center',
    actions: [...SSO_SETS, 'sso:ListAccountsForProvisionedPermissionSet'],
  },
  'sso.identityStore': {
    scope: 'organization',
    location: ['identityCenter', 'identityStore'],
    schema: identityStoreSchema,
    collector: 'identity-center',
    actions: [
      'sso:ListInstances',
      'identitystore:ListUsers',
      'identitystore:ListGroups',
      'identitystore:ListGroupMemberships',
    ],
  },
  'sso.regions': {
    scope: 'organization',
    location: ['identityCenter', 'regions'],
    schema: z.array(identityCenterRegionSchema),
    collector: 'identity-center',
    // One listing (paginated) says every region and which is primary.
    actions: ['sso:ListInstances', 'sso:ListRegions'],
  },
  'sso.accessControlAttributes': {
    scope: 'organization',
    location: ['identityCenter', 'accessControlAttributes'],
    // null: ABAC is not configured on the instance (a fact, not an error).
    schema: accessControlAttributesSchema.nullable(),
    collector: 'identity-center',
    actions: ['sso:ListInstances', 'sso:DescribeInstanceAccessControlAttributeConfiguration'],
  },
  'sso.applications': {
    scope: 'organization',
    location: ['identityCenter', 'applications'],
    schema: z.array(identityCenterApplicationSchema),
    collector: 'identity-center',
    // One listing (paginated), then per application its assignment configuration and assignments.
    actions: [
      'sso:ListInstances',
      'sso:ListApplications',
      'sso:GetApplicationAssignmentConfiguration',
      'sso:ListApplicationAssignments',
    ],
  },
  'sso.trustedTokenIssuers': {
    scope: 'organization',
    location: ['identityCenter', 'trustedTokenIssuers'],
    schema: z.array(trustedTokenIssuerSchema),
    collector: 'identity-center',
    // One listing (paginated), then one DescribeTrustedTokenIssuer per issuer for its issuer URL.
    actions: ['sso:ListInstances', 'sso:ListTrustedTokenIssuers', 'sso:DescribeTrustedTokenIssuer'],
  },
} as const satisfies Record<string, SliceRow>;

export type SliceName = keyof typeof SLICE_TABLE;
/** The data of each slice when it was collected, inferred from the table's schemas. */
export type SliceData = { [N in SliceName]: z.infer<(typeof SLICE_TABLE)[N]['schema']> };
export type SliceScope = SliceRow['scope'];
/** Slice names of one scope. */
export type SliceNameOf<S extends SliceScope> = {
  [N in SliceName]: (typeof SLICE_TABLE)[N]['scope'] extends S ? N : never;
}[SliceName];

export const SLICE_NAMES = Object.keys(SLICE_TABLE) as SliceName[];

export function sliceRow(name: SliceName): SliceRow {
  return SLICE_TABLE[name];
}

export function slicesOfScope<S extends SliceScope>(scope: S): Array<SliceNameOf<S>> {
  return SLICE_NAMES.filter((name) => SLICE_TABLE[name].scope === scope) as Array<SliceNameOf<S>>;
}

/**
 * The IAM actions a collector calls: those of the rows it fills, each once, in row order. A collector's
 * declared actions are these (src/collectors/slice-collectors.ts); the crawl's own are not in any row.
 */
export function actionsOfCollector(collector: CollectorId): readonly string[] {
  const rows = SLICE_NAMES.filter((name) => SLICE_TABLE[name].collector === collector);
  return [...new Set(rows.flatMap((name) => SLICE_TABLE[name].actions))];
}

/** Reads a slice at its location: from the snapshot (organization scope) or the account (account scope). */
export function readSliceAt(root: object, name: SliceName): Slice<unknown> {
  const [group, key] = SLICE_TABLE[name].location;
  const holder = (root as Record<string, Record<string, Slice<unknown>> | undefined>)[group];
  const slice = holder?.[key];
  if (!slice) throw new Error(`snapshot has no slice ${name} at ${group}.${key}`);
  return slice;
}
