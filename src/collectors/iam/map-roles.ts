import type { RoleDetail } from '@aws-sdk/client-iam';
import type { IamRole } from '../../inventory/iam-roles-schema.js';
import { decodePolicyDocument, isoOf, mapAttached, mapInline } from './map-authorization-details.js';

/** A role from GetAccountAuthorizationDetails (Filter Role): trust policy, policies and RoleLastUsed in one. */
export function mapRole(detail: RoleDetail): IamRole {
  return {
    arn: detail.Arn ?? '',
    roleId: detail.RoleId ?? '',
    roleName: detail.RoleName ?? '',
    path: detail.Path ?? '/',
    createDate: isoOf(detail.CreateDate) ?? new Date(0).toISOString(),
    trustPolicy: decodePolicyDocument(detail.AssumeRolePolicyDocument),
    attachedPolicies: mapAttached(detail.AttachedManagedPolicies),
    inlinePolicies: mapInline(detail.RolePolicyList),
    permissionsBoundaryArn: detail.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    lastUsedDate: isoOf(detail.RoleLastUsed?.LastUsedDate),
    lastUsedRegion: detail.RoleLastUsed?.Region ?? null,
    tags: Object.fromEntries((detail.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  };
}
