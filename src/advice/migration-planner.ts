import type { IamUser } from '../inventory/iam-schema.js';
import type { PermissionSet } from '../inventory/identity-center-schema.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import { isBreakGlass } from './break-glass.js';
import { classifyUser } from './classify-user.js';
import { type EffectivePolicies, effectivePolicies } from './effective-policies.js';
import { groupNameFor, permissionSetNameFor } from './target-names.js';

/** Where one human IAM user should move to in IAM Identity Center. */
export interface HumanMigrationTarget {
  accountId: string;
  userArn: string;
  userName: string;
  targetGroup: string;
  /** The group already exists in the Identity Center identity store. */
  groupExists: boolean;
  targetPermissionSet: string;
  /** A permission set with the same managed policies already exists in Identity Center. */
  permissionSetExists: boolean;
  policies: EffectivePolicies;
  /** False when the account's groups or policies were not collected: the proposal may miss permissions. */
  policiesComplete: boolean;
  evidence: string[];
}

/** A permission set the plan proposes (or reuses): one per distinct set of effective policies. */
export interface ProposedPermissionSet {
  name: string;
  exists: boolean;
  policies: EffectivePolicies;
  userArns: string[];
  accountIds: string[];
}

/** A person's IAM user that grants nothing (no policies, directly or through groups): delete, do not migrate. */
export interface UserWithoutPermissions {
  accountId: string;
  userArn: string;
  userName: string;
  evidence: string[];
}

export interface MigrationPlan {
  /** By IAM user ARN; only users classified as human that have some permission to carry over. */
  humans: Map<string, HumanMigrationTarget>;
  /** By IAM user ARN; humans with no permissions at all (never given an empty permission set). */
  withoutPermissions: Map<string, UserWithoutPermissions>;
  permissionSets: ProposedPermissionSet[];
}

export const MIGRATION_PLAN_KEY = 'advice.migration-plan';

/**
 * Groups every human IAM user of the organization by effective policies: users with identical policies
 * share one proposed permission set, which reuses an existing Identity Center permission set when one has
 * the same managed policies. Accounts whose users or groups were not collected are left out.
 */
export function buildMigrationPlan(snapshot: Snapshot): MigrationPlan {
  const existingSets = okData(snapshot.identityCenter.permissionSets) ?? [];
  const store = okData(snapshot.identityCenter.identityStore);
  const existingGroups = new Set((store?.groups ?? []).map((group) => group.displayName.toLowerCase()));

  const byKey = new Map<string, ProposedPermissionSet>();
  const pending: Array<{
    account: Account;
    user: IamUser;
    policies: EffectivePolicies;
    complete: boolean;
    evidence: string[];
  }> = [];
  const withoutPermissions = new Map<string, UserWithoutPermissions>();
  for (const account of snapshot.accounts) {
    const users = okData(account.iam.users);
    if (!users) continue;
    const groups = okData(account.iam.groups);
    const policies = okData(account.iam.policies);
    const complete = groups !== undefined && policies !== undefined;
    for (const user of users) {
      const classification = classifyUser(user);
      // Break-glass users are AWS's documented exception: never planned for migration.
      if (classification.kind !== 'human' || isBreakGlass(user)) continue;
      const effective = effectivePolicies(user, groups ?? [], policies ?? []);
      // Only when groups and policies were collected is "no policies" a fact rather than a gap.
      if (complete && grantsNothing(effective)) {
        withoutPermissions.set(user.arn, {
          accountId: account.id,
          userArn: user.arn,
          userName: user.userName,
          evidence: classification.evidence,
        });
        continue;
      }
      pending.push({ account, user, policies: effective, complete, evidence: classification.evidence });
      const proposal = byKey.get(effective.key) ?? {
        name: '',
        exists: false,
        policies: effective,
        userArns: [],
        accountIds: [],
      };
      proposal.userArns.push(user.arn);
      if (!proposal.accountIds.includes(account.id)) proposal.accountIds.push(account.id);
      byKey.set(effective.key, proposal);
    }
  }

  nameProposals([...byKey.values()], existingSets, pending);

  const humans = new Map<string, HumanMigrationTarget>();
  for (const { account, user, policies, complete, evidence } of pending) {
    const proposal = byKey.get(policies.key)!;
    const targetGroup = groupNameFor(user, proposal.name);
    humans.set(user.arn, {
      accountId: account.id,
      userArn: user.arn,
      userName: user.userName,
      targetGroup,
      groupExists: existingGroups.has(targetGroup.toLowerCase()),
      targetPermissionSet: proposal.name,
      permissionSetExists: proposal.exists,
      policies,
      policiesComplete: complete,
      evidence,
    });
  }
  return { humans, withoutPermissions, permissionSets: [...byKey.values()] };
}

function grantsNothing(policies: EffectivePolicies): boolean {
  return policies.awsManaged.length + policies.customerManaged.length + policies.inline.length === 0;
}

/** Names each proposal: an existing permission set with the same managed policies, else a derived unique name. */
function nameProposals(
  proposals: ProposedPermissionSet[],
  existingSets: readonly PermissionSet[],
  pending: ReadonlyArray<{ user: IamUser; policies: EffectivePolicies }>,
): void {
  const taken = new Set(existingSets.map((set) => set.name));
  for (const proposal of proposals) {
    const match = existingSets.find((set) => sameManagedPolicies(set, proposal.policies));
    if (match) {
      proposal.name = match.name;
      proposal.exists = true;
    }
  }
  for (const proposal of proposals) {
    if (proposal.exists) continue;
    const members = pending
      .filter((entry) => entry.policies.key === proposal.policies.key)
      .map((e) => e.user);
    const base = permissionSetNameFor(proposal.policies, members);
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base.slice(0, 29)}-${n}`;
    taken.add(name);
    proposal.name = name;
  }
}

/** "Match by managed policy set": inline policies cannot be matched reliably, so they rule a match out. */
function sameManagedPolicies(set: PermissionSet, policies: EffectivePolicies): boolean {
  if (policies.inline.length > 0) return false;
  if (policies.awsManaged.length + policies.customerManaged.length === 0) return false;
  const setAws = set.managedPolicies.map((p) => p.arn).sort();
  const setCustomer = set.customerManagedPolicies.map((p) => p.name).sort();
  return (
    setAws.join('|') === policies.awsManaged.join('|') &&
    setCustomer.join('|') === policies.customerManaged.join('|')
  );
}

function okData<T>(slice: { status: string; data?: T }): T | undefined {
  return slice.status === 'ok' ? slice.data : undefined;
}
