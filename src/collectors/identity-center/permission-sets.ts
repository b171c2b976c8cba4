import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  paginateListCustomerManagedPolicyReferencesInPermissionSet,
  paginateListManagedPoliciesInPermissionSet,
  paginateListPermissionSets,
  paginateListTagsForResource,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import pLimit from 'p-limit';
import type { PermissionSet } from '../../inventory/identity-center-schema.js';
import { policyDocumentSchema } from '../../inventory/policy-document.js';
import { isErrorCode, looksUnimplementedByEndpoint } from '../aws-error.js';
import { isoOf } from '../iam/map-authorization-details.js';

export async function listPermissionSetArns(sso: SSOAdminClient, instanceArn: string): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListPermissionSets({ client: sso }, { InstanceArn: instanceArn })) {
    arns.push(...(page.PermissionSets ?? []));
  }
  return arns;
}

/** Each permission set with its policies, boundary, session duration, relay state and tags: seven calls per set. */
export async function collectPermissionSets(
  sso: SSOAdminClient,
  instanceArn: string,
  arns: string[],
  onNote: (message: string) => void,
): Promise<PermissionSet[]> {
  const limit = pLimit(4);
  const sets = await Promise.all(arns.map((arn) => limit(() => describeOne(sso, instanceArn, arn, onNote))));
  return sets.sort((a, b) => a.name.localeCompare(b.name));
}

async function describeOne(
  sso: SSOAdminClient,
  instanceArn: string,
  arn: string,
  onNote: (message: string) => void,
): Promise<PermissionSet> {
  const ids = { InstanceArn: instanceArn, PermissionSetArn: arn };
  const { PermissionSet: described } = await sso.send(new DescribePermissionSetCommand(ids));
  const managedPolicies: PermissionSet['managedPolicies'] = [];
  for await (const page of paginateListManagedPoliciesInPermissionSet({ client: sso }, ids)) {
    for (const p of page.AttachedManagedPolicies ?? [])
      managedPolicies.push({ arn: p.Arn ?? '', name: p.Name ?? '' });
  }
  const customerManagedPolicies: PermissionSet['customerManagedPolicies'] = [];
  for await (const page of paginateListCustomerManagedPolicyReferencesInPermissionSet({ client: sso }, ids)) {
    for (const p of page.CustomerManagedPolicyReferences ?? []) {
      customerManagedPolicies.push({ name: p.Name ?? '', path: p.Path ?? '/' });
    }
  }
  const { InlinePolicy: inline } = await sso.send(new GetInlinePolicyForPermissionSetCommand(ids));
  return {
    arn,
    name: described?.Name ?? arn,
    description: described?.Description ?? null,
    sessionDuration: sessionDurationOf(described?.SessionDuration),
    relayState: described?.RelayState ? described.RelayState : null,
    tags: await readTags(sso, ids, described?.Name ?? arn, onNote),
    createdDate: isoOf(described?.CreatedDate),
    managedPolicies,
    customerManagedPolicies,
    inlinePolicy: inline ? policyDocumentSchema.parse(JSON.parse(inline)) : null,
    permissionsBoundary: await readBoundary(sso, ids, described?.Name ?? arn, onNote),
  };
}

// Identity Center's default when a set was created without one.
const DEFAULT_SESSION_DURATION = 'PT1H';

function sessionDurationOf(value: unknown): string {
  if (typeof value === 'string' && value.startsWith('P')) return value;
  // Some emulators answer with seconds.
  if (typeof value === 'number' && value > 0) return secondsToIso(value);
  return DEFAULT_SESSION_DURATION;
}

function secondsToIso(seconds: number): string {
  if (seconds % 3600 === 0) return `PT${seconds / 3600}H`;
  if (seconds % 60 === 0) return `PT${seconds / 60}M`;
  return `PT${seconds}S`;
}

/**
 * The set's tags, so an imported set keeps them. Denied or not implemented: null (not collected), said in
 * the notes; the set itself is still collected.
 */
async function readTags(
  sso: SSOAdminClient,
  ids: { InstanceArn: string; PermissionSetArn: string },
  name: string,
  onNote: (message: string) => void,
): Promise<Record<string, string> | null> {
  const tags: Record<string, string> = {};
  try {
    for await (const page of paginateListTagsForResource(
      { client: sso },
      { InstanceArn: ids.InstanceArn, ResourceArn: ids.PermissionSetArn },
    )) {
      for (const tag of page.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
    }
  } catch (error) {
    if (isErrorCode(error, 'AccessDeniedException') || looksUnimplementedByEndpoint(error)) {
      onNote(`permission set ${name}: its tags could not be read (${(error as Error).name}): not collected`);
      return null;
    }
    throw error;
  }
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => a.localeCompare(b)));
}

async function readBoundary(
  sso: SSOAdminClient,
  ids: { InstanceArn: string; PermissionSetArn: string },
  name: string,
  onNote: (message: string) => void,
): Promise<PermissionSet['permissionsBoundary']> {
  try {
    const { PermissionsBoundary: boundary } = await sso.send(
      new GetPermissionsBoundaryForPermissionSetCommand(ids),
    );
    if (!boundary) return null;
    const customer = boundary.CustomerManagedPolicyReference;
    return {
      managedPolicyArn: boundary.ManagedPolicyArn ?? null,
      customerManagedPolicy: customer ? { name: customer.Name ?? '', path: customer.Path ?? '/' } : null,
    };
  } catch (error) {
    // A set without a boundary answers ResourceNotFound: no boundary is a fact.
    if (isErrorCode(error, 'ResourceNotFoundException')) return null;
    // An emulator without this operation (moto) cannot know of a boundary either; the set is kept
    // without one rather than losing every permission set, and the gap is logged.
    if (looksUnimplementedByEndpoint(error)) {
      onNote(
        `permission set ${name}: the endpoint does not implement GetPermissionsBoundaryForPermissionSet; boundary recorded as none`,
      );
      return null;
    }
    throw error;
  }
}
