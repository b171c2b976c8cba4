import type {
  GetAccountAuthorizationDetailsCommandOutput,
  GroupDetail,
  ManagedPolicyDetail,
  PolicyDetail,
  RoleDetail,
  UserDetail,
} from '@aws-sdk/client-iam';
import type { IamGroup, ManagedPolicy } from '../../inventory/iam-schema.js';
import {
  type AttachedPolicy,
  type InlinePolicy,
  type PolicyDocument,
  policyDocumentSchema,
} from '../../inventory/policy-document.js';

/** What GetAccountAuthorizationDetails said about users, groups, roles and customer managed policies. */
export interface AuthorizationDetails {
  users: UserDetail[];
  roles: RoleDetail[];
  groups: GroupDetail[];
  localPolicies: ManagedPolicyDetail[];
}

export function mergeAuthorizationPages(
  pages: GetAccountAuthorizationDetailsCommandOutput[],
): AuthorizationDetails {
  return {
    users: pages.flatMap((p) => p.UserDetailList ?? []),
    roles: pages.flatMap((p) => p.RoleDetailList ?? []),
    groups: pages.flatMap((p) => p.GroupDetailList ?? []),
    localPolicies: pages.flatMap((p) => p.Policies ?? []),
  };
}

/** IAM returns policy documents URL-encoded; some emulators return them as plain JSON. */
export function decodePolicyDocument(raw: string | undefined): PolicyDocument {
  if (!raw) throw new Error('policy document is empty');
  let text = raw;
  if (!raw.trimStart().startsWith('{')) text = decodeURIComponent(raw);
  return policyDocumentSchema.parse(JSON.parse(text));
}

export function isoOf(date: Date | string | undefined): string | null {
  if (date === undefined) return null;
  const parsed = date instanceof Date ? date : new Date(date);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

export function mapAttached(
  list: Array<{ PolicyName?: string; PolicyArn?: string }> | undefined,
): AttachedPolicy[] {
  return (list ?? []).map((p) => ({ policyName: p.PolicyName ?? '', policyArn: p.PolicyArn ?? '' }));
}

export function mapInline(list: PolicyDetail[] | undefined): InlinePolicy[] {
  return (list ?? []).map((p) => ({
    policyName: p.PolicyName ?? '',
    document: decodePolicyDocument(p.PolicyDocument),
  }));
}

export function mapGroup(group: GroupDetail): IamGroup {
  return {
    arn: group.Arn ?? '',
    groupId: group.GroupId ?? '',
    groupName: group.GroupName ?? '',
    path: group.Path ?? '/',
    createDate: isoOf(group.CreateDate) ?? new Date(0).toISOString(),
    attachedPolicies: mapAttached(group.AttachedManagedPolicies),
    inlinePolicies: mapInline(group.GroupPolicyList),
  };
}

const AWS_MANAGED_ARN = /^arn:[^:]+:iam::aws:policy\//;

/**
 * Customer managed policies with their default document, plus the AWS managed policies that users or
 * groups attach (document not fetched: the details call is filtered to local policies, because an
 * unfiltered call would page through every AWS managed policy in existence). For AWS managed policies
 * attachmentCount counts users and groups only.
 */
export function mapPolicies(details: AuthorizationDetails): ManagedPolicy[] {
  const local: ManagedPolicy[] = details.localPolicies.map((policy) => {
    const defaultVersion = (policy.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion);
    return {
      arn: policy.Arn ?? '',
      policyName: policy.PolicyName ?? '',
      awsManaged: AWS_MANAGED_ARN.test(policy.Arn ?? ''),
      attachmentCount: policy.AttachmentCount ?? 0,
      defaultVersionId: policy.DefaultVersionId ?? null,
      document: defaultVersion?.Document ? decodePolicyDocument(defaultVersion.Document) : null,
    };
  });
  const known = new Set(local.map((p) => p.arn));
  const awsAttached = new Map<string, ManagedPolicy>();
  const attachments = [
    ...details.users.flatMap((u) => u.AttachedManagedPolicies ?? []),
    ...details.groups.flatMap((g) => g.AttachedManagedPolicies ?? []),
  ];
  for (const attached of attachments) {
    const arn = attached.PolicyArn ?? '';
    if (known.has(arn) || !AWS_MANAGED_ARN.test(arn)) continue;
    const entry = awsAttached.get(arn) ?? {
      arn,
      policyName: attached.PolicyName ?? arn.split('/').pop() ?? arn,
      awsManaged: true,
      attachmentCount: 0,
      defaultVersionId: null,
      document: null,
    };
    entry.attachmentCount += 1;
    awsAttached.set(arn, entry);
  }
  return [...local, ...awsAttached.values()].sort((a, b) => a.arn.localeCompare(b.arn));
}
