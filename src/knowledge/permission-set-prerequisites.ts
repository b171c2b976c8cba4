import type { ManagedPolicy } from '../inventory/iam-schema.js';
import type { PermissionSet } from '../inventory/identity-center-schema.js';
import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';

/**
 * What a permission set needs in an account before it can be assigned there: every customer managed
 * policy it references, and a customer managed permissions boundary, must exist in that account by name
 * and path (Identity Center attaches them by name; provisioning fails, or the boundary does not apply,
 * when one is missing). For the kit ("refuse to assign a set whose policy is missing") and for rules.
 */

export interface PolicyReference {
  kind: 'customer-managed-policy' | 'permissions-boundary';
  name: string;
  /** As Identity Center stores it, "/" by default. */
  path: string;
}

export interface NotAssignable {
  permissionSetArn: string;
  permissionSetName: string;
  missing: PolicyReference[];
}

export type AssignabilityInAccount =
  | { known: true; notAssignable: NotAssignable[] }
  /** The account's customer managed policies were not collected: nothing can be promised either way. */
  | { known: false; reason: string };

/** The customer managed policies and boundary a permission set references. */
export function policyReferences(set: PermissionSet): PolicyReference[] {
  const references: PolicyReference[] = set.customerManagedPolicies.map((policy) => ({
    kind: 'customer-managed-policy',
    name: policy.name,
    path: normalizePath(policy.path),
  }));
  const boundary = set.permissionsBoundary?.customerManagedPolicy;
  if (boundary)
    references.push({
      kind: 'permissions-boundary',
      name: boundary.name,
      path: normalizePath(boundary.path),
    });
  return references;
}

function normalizePath(path: string): string {
  if (path === '') return '/';
  const leading = path.startsWith('/') ? path : `/${path}`;
  return leading.endsWith('/') ? leading : `${leading}/`;
}

/** The path of a customer managed policy, from its ARN (arn:aws:iam::<account>:policy<path><name>). */
export function pathOfPolicy(policy: Pick<ManagedPolicy, 'arn' | 'policyName'>): string {
  const afterPolicy = policy.arn.split(':policy')[1] ?? `/${policy.policyName}`;
  return afterPolicy.slice(0, afterPolicy.length - policy.policyName.length) || '/';
}

/** Whether the account has a customer managed policy with that name and path. */
export function hasPolicy(policies: readonly ManagedPolicy[], reference: PolicyReference): boolean {
  return policies.some(
    (policy) =>
      !policy.awsManaged && policy.policyName === reference.name && pathOfPolicy(policy) === reference.path,
  );
}

/**
 * Permission sets (of those given, or every set) that cannot be assigned in the account, and why. Unknown
 * when the permission sets or the account's policies were not collected.
 */
export function permissionSetsNotAssignable(
  snapshot: Snapshot,
  accountId: string,
  permissionSetArns?: readonly string[],
): AssignabilityInAccount {
  const sets = collectedData(snapshot.identityCenter.permissionSets);
  if (!sets) return { known: false, reason: 'sso.permissionSets was not collected' };
  const account = snapshot.accounts.find((a) => a.id === accountId);
  if (!account) return { known: false, reason: `account ${accountId} is not in the snapshot` };
  const policies = collectedData(account.iam.policies);
  if (!policies) return { known: false, reason: `iam.policies of account ${accountId} was not collected` };
  const wanted = permissionSetArns ? new Set(permissionSetArns) : null;
  const notAssignable: NotAssignable[] = [];
  for (const set of sets) {
    if (wanted && !wanted.has(set.arn)) continue;
    const missing = policyReferences(set).filter((reference) => !hasPolicy(policies, reference));
    if (missing.length > 0)
      notAssignable.push({ permissionSetArn: set.arn, permissionSetName: set.name, missing });
  }
  return { known: true, notAssignable };
}

/** One line per missing policy, for a runbook's "before you start". */
export function describeMissing(accountId: string, entry: NotAssignable): string[] {
  return entry.missing.map(
    (reference) =>
      `Create ${reference.kind === 'permissions-boundary' ? 'the permissions boundary' : 'the customer managed policy'} ` +
      `${reference.path}${reference.name} in account ${accountId} before assigning permission set ${entry.permissionSetName}.`,
  );
}

/** Key order does not change a policy's meaning: compare documents with keys sorted. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export interface PrerequisiteGap {
  accountId: string;
  permissionSetArn: string;
  permissionSetName: string;
  reference: PolicyReference;
}

export interface PrerequisiteDifference extends PrerequisiteGap {
  /** Assigned accounts whose policy of the same name and path has other permissions. */
  differentIn: string[];
}

export interface PermissionSetPrerequisites {
  /** A referenced policy missing in an account the set is assigned to. */
  missing: PrerequisiteGap[];
  /** A referenced policy whose content differs between the accounts the set is assigned to. */
  differing: PrerequisiteDifference[];
  /** Assigned accounts whose policies were not collected: nothing said about them. */
  unknownAccounts: string[];
}

/** Every assigned (permission set, account) pair checked against that account's customer managed policies. */
export function checkPermissionSetPrerequisites(
  sets: readonly PermissionSet[],
  assignments: readonly { accountId: string; permissionSetArn: string }[],
  policiesOf: (accountId: string) => readonly ManagedPolicy[] | null,
): PermissionSetPrerequisites {
  const result: PermissionSetPrerequisites = { missing: [], differing: [], unknownAccounts: [] };
  const unknown = new Set<string>();
  for (const set of sets) {
    const references = policyReferences(set);
    if (references.length === 0) continue;
    const accounts = [
      ...new Set(assignments.filter((a) => a.permissionSetArn === set.arn).map((a) => a.accountId)),
    ].sort();
    for (const reference of references) {
      const contentByAccount = new Map<string, string>();
      for (const accountId of accounts) {
        const policies = policiesOf(accountId);
        if (policies === null) {
          unknown.add(accountId);
          continue;
        }
        const found = policies.find(
          (p) => !p.awsManaged && p.policyName === reference.name && pathOfPolicy(p) === reference.path,
        );
        const base = { accountId, permissionSetArn: set.arn, permissionSetName: set.name, reference };
        if (!found) result.missing.push(base);
        else if (found.document !== null) contentByAccount.set(accountId, canonical(found.document));
      }
      if (new Set(contentByAccount.values()).size < 2) continue;
      for (const [accountId, content] of contentByAccount) {
        result.differing.push({
          accountId,
          permissionSetArn: set.arn,
          permissionSetName: set.name,
          reference,
          differentIn: [...contentByAccount].filter(([, other]) => other !== content).map(([id]) => id),
        });
      }
    }
  }
  result.unknownAccounts = [...unknown].sort();
  return result;
}
