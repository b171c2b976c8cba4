import type { IamUser } from '../inventory/iam-schema.js';
import type { PermissionSet } from '../inventory/identity-center-schema.js';
import { isCollected } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { isBreakGlass } from './break-glass.js';
import { classifyUser } from './classify-user.js';
import {
  type AccountFacts,
  collectedData,
  type DerivationInput,
  defineDerivation,
  sliceGap,
} from './derivation.js';
import { runDerivation } from './derivation-runner.js';
import { type EffectivePolicies, effectivePolicies } from './effective-policies.js';
import { suspectBreakGlass } from './suspected-break-glass.js';
import { groupNameFor, permissionSetNameFor } from './target-names.js';

/** Where one human IAM user should move to in IAM Identity Center. */
export interface HumanMigrationTarget {
  accountId: string;
  userArn: string;
  userName: string;
  targetGroup: string;
  /** The group already exists in the Identity Center identity store; null: unknown (not collected). */
  groupExists: boolean | null;
  targetPermissionSet: string;
  /** A permission set with the same managed policies already exists in Identity Center; null: unknown. */
  permissionSetExists: boolean | null;
  policies: EffectivePolicies;
  /** False when the account's groups or policies were not collected: the proposal may miss permissions. */
  policiesComplete: boolean;
  evidence: string[];
  /** Why Identity Center's existing groups or permission sets are unknown; absent when they were read. */
  identityCenterGap?: string;
}

/** A permission set the plan proposes (or reuses): one per distinct set of effective policies. */
export interface ProposedPermissionSet {
  name: string;
  /** null: unknown, the existing permission sets were not collected. */
  exists: boolean | null;
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
  /**
   * By IAM user ARN; people's users that look like break-glass users (src/advice/suspected-break-glass.ts):
   * not migrated until confirmed (tagged, or mapped to a person). Their target is what mapping would give.
   */
  suspectedBreakGlass: Map<string, HumanMigrationTarget & { reasons: string[] }>;
  /** By IAM user ARN; humans with no permissions at all (never given an empty permission set). */
  withoutPermissions: Map<string, UserWithoutPermissions>;
  permissionSets: ProposedPermissionSet[];
}

/**
 * What Identity Center already holds, as far as it was collected: null where it is unknown. With no
 * instance at all, nothing exists (a fact); with an instance whose sets or store failed, it is unknown.
 */
function existingIdentityCenter(input: DerivationInput<MigrationPlanSlice>) {
  const instance = input.slice('sso.instance');
  if (isCollected(instance) && instance.data === null) {
    return { sets: [] as PermissionSet[], groups: new Set<string>(), gap: undefined };
  }
  const setsSlice = input.slice('sso.permissionSets');
  const storeSlice = input.slice('sso.identityStore');
  const store = collectedData(storeSlice);
  const gaps = [sliceGap('sso.permissionSets', setsSlice), sliceGap('sso.identityStore', storeSlice)].filter(
    (gap): gap is string => gap !== null,
  );
  return {
    sets: collectedData(setsSlice) ?? null,
    groups: store ? new Set(store.groups.map((group) => group.displayName.toLowerCase())) : null,
    gap: gaps.length > 0 ? gaps.join('; ') : undefined,
  };
}

type MigrationPlanSlice = (typeof MIGRATION_PLAN_SLICES)[number];
const MIGRATION_PLAN_SLICES = [
  'iam.users',
  'iam.groups',
  'iam.policies',
  'sso.instance',
  'sso.permissionSets',
  'sso.identityStore',
] as const;

/**
 * Groups every human IAM user of the organization by effective policies: users with identical policies
 * share one proposed permission set, which reuses an existing Identity Center permission set when one has
 * the same managed policies. Accounts whose users were not collected are left out; where Identity
 * Center's permission sets or groups were not collected, whether a target exists is null (unknown).
 */
export const MIGRATION_PLAN = defineDerivation({
  id: 'migration-plan',
  reads: MIGRATION_PLAN_SLICES,
  derive: planMigration,
});

/** The plan for a whole snapshot, outside a rule evaluation (tools, tests). */
export function buildMigrationPlan(snapshot: Snapshot): MigrationPlan {
  return runDerivation(snapshot, MIGRATION_PLAN);
}

function planMigration(input: DerivationInput<MigrationPlanSlice>): MigrationPlan {
  const existing = existingIdentityCenter(input);

  const byKey = new Map<string, ProposedPermissionSet>();
  const accountsByKey = new Map<string, Set<string>>();
  const pending: Array<{
    account: AccountFacts;
    user: IamUser;
    policies: EffectivePolicies;
    complete: boolean;
    evidence: string[];
    suspicion: string[] | null;
  }> = [];
  const withoutPermissions = new Map<string, UserWithoutPermissions>();
  for (const { account, slice } of input.accounts) {
    const users = collectedData(slice('iam.users'));
    if (!users) continue;
    const groups = collectedData(slice('iam.groups'));
    const policies = collectedData(slice('iam.policies'));
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
      const suspicion = suspectBreakGlass(user, {
        inManagementAccount: account.id === input.organization.managementAccountId,
        groups: groups ?? [],
        policies: policies ?? [],
        collectedAt: input.organization.collectedAt,
      });
      pending.push({
        account,
        user,
        policies: effective,
        complete,
        evidence: classification.evidence,
        suspicion,
      });
      const proposal = byKey.get(effective.key) ?? {
        name: '',
        exists: existing.sets === null ? null : false,
        policies: effective,
        userArns: [],
        accountIds: [],
      };
      proposal.userArns.push(user.arn);
      // A set beside the list: includes() over the accounts for every user was quadratic in accounts.
      const seen = accountsByKey.get(effective.key) ?? new Set<string>();
      if (!seen.has(account.id)) proposal.accountIds.push(account.id);
      seen.add(account.id);
      accountsByKey.set(effective.key, seen);
      byKey.set(effective.key, proposal);
    }
  }

  nameProposals(byKey, existing.sets ?? [], pending);

  const humans = new Map<string, HumanMigrationTarget>();
  const suspectedBreakGlass = new Map<string, HumanMigrationTarget & { reasons: string[] }>();
  for (const { account, user, policies, complete, evidence, suspicion } of pending) {
    const proposal = byKey.get(policies.key)!;
    const targetGroup = groupNameFor(user, proposal.name);
    const target: HumanMigrationTarget = {
      accountId: account.id,
      userArn: user.arn,
      userName: user.userName,
      targetGroup,
      groupExists: existing.groups === null ? null : existing.groups.has(targetGroup.toLowerCase()),
      targetPermissionSet: proposal.name,
      permissionSetExists: proposal.exists,
      policies,
      policiesComplete: complete,
      evidence,
      ...(existing.gap ? { identityCenterGap: existing.gap } : {}),
    };
    if (suspicion) suspectedBreakGlass.set(user.arn, { ...target, reasons: suspicion });
    else humans.set(user.arn, target);
  }
  return { humans, suspectedBreakGlass, withoutPermissions, permissionSets: [...new Set(byKey.values())] };
}

function grantsNothing(policies: EffectivePolicies): boolean {
  return policies.awsManaged.length + policies.customerManaged.length + policies.inline.length === 0;
}

/** Names each proposal: an existing permission set with the same managed policies, else a derived unique name. */
function nameProposals(
  byKey: Map<string, ProposedPermissionSet>,
  existingSets: readonly PermissionSet[],
  pending: ReadonlyArray<{ user: IamUser; policies: EffectivePolicies }>,
): void {
  const taken = new Set(existingSets.map((set) => set.name));
  // Members grouped once: filtering every pending user for every proposal was proposals x users.
  const membersByKey = new Map<string, IamUser[]>();
  for (const entry of pending) {
    const members = membersByKey.get(entry.policies.key) ?? [];
    members.push(entry.user);
    membersByKey.set(entry.policies.key, members);
  }
  // One existing set can match proposals with different keys (a customer managed policy of the same name
  // with a different document per account: the set references it by name, so each account gets its own).
  // They become one proposal, else the kit would propose the same set twice.
  const claimed = new Map<string, ProposedPermissionSet>();
  for (const [key, proposal] of byKey) {
    const match = existingSets.find((set) => sameManagedPolicies(set, proposal.policies));
    if (!match) continue;
    const first = claimed.get(match.name);
    if (first) {
      mergeProposal(first, proposal);
      byKey.set(key, first);
      continue;
    }
    proposal.name = match.name;
    proposal.exists = true;
    claimed.set(match.name, proposal);
  }
  for (const proposal of new Set(byKey.values())) {
    if (proposal.exists) continue;
    const members = membersByKey.get(proposal.policies.key) ?? [];
    const base = permissionSetNameFor(proposal.policies, members);
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base.slice(0, 29)}-${n}`;
    taken.add(name);
    proposal.name = name;
  }
}

function mergeProposal(into: ProposedPermissionSet, from: ProposedPermissionSet): void {
  into.userArns.push(...from.userArns);
  for (const accountId of from.accountIds)
    if (!into.accountIds.includes(accountId)) into.accountIds.push(accountId);
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
