import type { IamUser } from '../inventory/iam-schema.js';
import { collectedData, isCollected } from '../inventory/slice-reader.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import { isBreakGlass } from '../knowledge/break-glass.js';
import { classifyUser } from '../knowledge/classify-user.js';
import { identityCenterAdminRegion } from '../knowledge/identity-center-region.js';
import { buildMigrationPlan, type HumanMigrationTarget } from '../knowledge/migration-planner.js';
import { TOOL_VERSION } from '../version.js';
import { assignmentPrerequisites } from './access/assignment-prerequisites.js';
import { planAccess } from './access/plan-access.js';
import { suspectedBreakGlassEntry } from './access/suspected-break-glass-entry.js';
import { applyRightSizing, rightSizingNarrowing } from './apply-right-sizing.js';
import { existingSetNarrowing } from './existing-set-narrowing.js';
import { inventoryGaps } from './inventory-gaps.js';
import { DEFAULT_KIT_RULE_OPTIONS, type KitRuleOptions } from './kit-options.js';
import type { IdentityMap } from './people/identity-map.js';
import { type Person, resolvePeople } from './people/resolve-people.js';
import { planPermissionSet, type UserContext } from './permission-set-plan.js';
import { type KitPlan, PLAN_SCHEMA_VERSION, type PlanConfirmFirst, type PlanPerson } from './plan-schema.js';
import { userUsage } from './right-sizing-plan.js';
import { withExistingWorkloadObjects } from './workload-existing-objects.js';
import { planWorkload } from './workload-plan.js';

export interface KitOptions {
  now: Date;
  idp: 'identity-center' | 'external';
  identityMap: IdentityMap;
  emailTag: string;
  /** Rule options resolved from the keysweep config (config/kit-rule-options.ts); default: the rules' defaults. */
  ruleOptions?: KitRuleOptions;
  /**
   * Whether the sets the kit creates carry the right-sized proposal where usage evidence narrows them
   * (issue 23); default true. False (`keysweep plan --no-right-size`): today's policies, as they are.
   */
  rightSize?: boolean;
}

/**
 * The whole migration plan from one inventory: the planner's groups and permission sets (src/knowledge),
 * people resolved across accounts, assignments, workloads and every gap that limits what is known.
 */
export function buildKitPlan(snapshot: Snapshot, options: KitOptions): KitPlan {
  const ruleOptions = options.ruleOptions ?? DEFAULT_KIT_RULE_OPTIONS;
  const migration = buildMigrationPlan(snapshot);
  const ic = snapshot.identityCenter;
  const instance = collectedData(ic.instance);
  const store = collectedData(ic.identityStore) ?? null;
  const existingSets = collectedData(ic.permissionSets) ?? [];
  // No instance at all: nothing exists there (a fact). An instance whose parts were not collected: unknown.
  const absent = isCollected(ic.instance) && ic.instance.data === null;
  const existingAssignments = absent ? [] : collectedData(ic.assignments);

  const contexts = new Map<string, UserContext>();
  const breakGlass: KitPlan['breakGlass'] = [];
  const withoutPermissions: KitPlan['withoutPermissions'] = [];
  const workloads: KitPlan['workloads'] = [];
  const heldBack: PlanConfirmFirst[] = [];
  const mappedSuspects = new Map<string, HumanMigrationTarget>();
  const customerPolicies = new Map<string, ReadonlySet<string> | null>();
  for (const account of snapshot.accounts) {
    const users = collectedData(account.iam.users);
    const policies = collectedData(account.iam.policies);
    customerPolicies.set(
      account.id,
      policies ? new Set(policies.filter((p) => !p.awsManaged).map((p) => p.policyName)) : null,
    );
    if (!users) continue;
    const groups = collectedData(account.iam.groups);
    for (const user of users) {
      const context: UserContext = {
        accountId: account.id,
        user,
        groups: groups ?? [],
        policies: policies ?? [],
        policiesComplete: groups !== undefined && policies !== undefined,
        usage: userUsage(account, user.arn),
      };
      contexts.set(user.arn, context);
      if (isBreakGlass(user)) {
        breakGlass.push({ arn: user.arn, accountId: account.id, userName: user.userName });
        continue;
      }
      const idle = migration.withoutPermissions.get(user.arn);
      if (idle) {
        withoutPermissions.push({
          arn: idle.userArn,
          accountId: idle.accountId,
          userName: idle.userName,
          evidence: idle.evidence,
        });
        continue;
      }
      const suspect = migration.suspectedBreakGlass.get(user.arn);
      if (suspect) {
        // Mapped to a person: migrated like any person. Otherwise held back until someone confirms.
        if (options.identityMap.has(user.arn)) mappedSuspects.set(user.arn, suspect);
        else heldBack.push(suspectedBreakGlassEntry(account.id, user.arn, user.userName, suspect));
        continue;
      }
      if (!migration.humans.has(user.arn))
        workloads.push(planWorkload(context, classifyUser(user).evidence, ruleOptions.adminPolicyArns));
    }
  }

  // The planner already leaves break-glass users out (src/knowledge/break-glass.ts, the one detector).
  const targets = new Map([...migration.humans, ...mappedSuspects]);
  const humans = [...targets.values()];
  const people = resolvePeople({
    users: humans.map((t) => ({ accountId: t.accountId, user: contexts.get(t.userArn)!.user })),
    identityStore: store,
    identityMap: options.identityMap,
    emailTag: options.emailTag,
  });

  const permissionSets = migration.permissionSets
    .map((proposal) =>
      planPermissionSet(
        proposal,
        proposal.userArns.map((arn) => contexts.get(arn)!),
        proposal.exists ? existingSets.find((s) => s.name === proposal.name) : undefined,
        customerPolicies,
        ruleOptions,
      ),
    )
    .map((set) => applyRightSizing(set, options.rightSize ?? true, ruleOptions))
    .sort((a, b) => a.name.localeCompare(b.name));

  const accountName = new Map(snapshot.accounts.map((a: Account) => [a.id, a.name]));
  const incompleteAccounts = new Set(
    [...contexts.values()].filter((c) => !c.policiesComplete).map((c) => c.accountId),
  );
  const setsByName = new Map(permissionSets.map((s) => [s.name, s]));
  const access = planAccess({
    snapshot,
    today: {
      absent,
      store: absent ? { users: [], groups: [], memberships: [] } : store,
      permissionSets: absent ? [] : collectedData(ic.permissionSets),
      assignments: existingAssignments,
    },
    people: people.map((person) => toPlanPerson(person, targets, contexts)),
    humans: targets,
    heldBack,
    accountNames: accountName,
    narrowedBy: (accountId, name) =>
      [
        narrowedBy(setsByName.get(name), accountId, customerPolicies, incompleteAccounts),
        rightSizingNarrowing(setsByName.get(name)),
      ]
        .filter((why) => why !== null)
        .join('; ') || null,
    prerequisites: assignmentPrerequisites(snapshot, permissionSets),
  });
  const planPeople = access.people;

  const warnings = permissionSets.flatMap((set) => (set.grantsFullAdmin ? [set.warnings[0]!] : []));
  const adminWorkloads = workloads.filter((w) => w.grantsFullAdmin);
  warnings.push(...access.warnings);
  if (adminWorkloads.length > 0)
    warnings.push(
      `GRANTS *:* (full administrator): ${adminWorkloads.length} workload role(s), as their IAM users did: ${adminWorkloads
        .map((w) => `${w.accountId}/${w.roleName}`)
        .join(', ')}`,
    );

  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    tool: { name: 'keysweep', version: TOOL_VERSION },
    generatedAt: options.now.toISOString(),
    inventory: {
      source: snapshot.source.kind,
      collectedAt: snapshot.collectedAt,
      organizationId: snapshot.organization.id,
    },
    identityCenter: {
      status: !isCollected(ic.instance) ? 'unknown' : instance ? 'present' : 'absent',
      instanceArn: instance?.instanceArn ?? null,
      identityStoreId: instance?.identityStoreId ?? null,
      // The primary region of a multi-Region instance is where it is administered; else where it was found.
      region: identityCenterAdminRegion(ic) ?? null,
      idp: options.idp,
    },
    gaps: inventoryGaps(snapshot),
    warnings,
    people: planPeople,
    unmatched: planPeople
      .filter((p) => p.source === 'unresolved')
      .flatMap((p) =>
        p.iamUsers.map((u) => ({
          arn: u.arn,
          accountId: u.accountId,
          userName: u.userName,
          reason: u.evidence,
        })),
      ),
    breakGlass,
    confirmFirst: access.confirmFirst,
    withoutPermissions,
    groups: access.groups,
    permissionSets,
    assignments: access.assignments,
    blockedAssignments: access.blockedAssignments,
    workloads: withExistingWorkloadObjects(workloads, snapshot),
    accessDiff: access.accessDiff,
    existingSetNarrowing: existingSetNarrowing(
      snapshot,
      options.rightSize ?? true,
      ruleOptions.maxSessionHours,
    ),
  };
}

function toPlanPerson(
  person: Person,
  humans: ReadonlyMap<string, HumanMigrationTarget>,
  contexts: ReadonlyMap<string, UserContext>,
): PlanPerson {
  const iamUsers = person.iamUsers.map((r) => {
    const target = humans.get(r.user.arn)!;
    return {
      arn: r.user.arn,
      accountId: r.accountId,
      userName: r.user.userName,
      method: r.method,
      confidence: r.confidence,
      evidence: r.evidence,
      lastUsed: lastUsed(contexts.get(r.user.arn)!.user),
      passwordEnabled: r.user.passwordEnabled,
      accessKeys: r.user.accessKeys.map((k) => ({
        accessKeyId: k.accessKeyId,
        status: k.status,
        lastUsed: k.lastUsedDate,
      })),
      targetGroup: target.targetGroup,
      targetPermissionSet: target.targetPermissionSet,
      // Decided in planAccess (src/migration-kit/access/plan-access.ts).
      cutOver: false,
    };
  });
  const sorted = <T>(items: T[]) => [...new Set(items)].sort();
  return {
    id: person.id,
    source: person.source,
    identityStoreUserId: person.userId,
    userName: person.userName,
    email: person.email,
    displayName: person.displayName,
    confidence: person.confidence,
    groups: sorted(iamUsers.map((u) => u.targetGroup)),
    permissionSets: sorted(iamUsers.map((u) => u.targetPermissionSet)),
    accounts: sorted(iamUsers.map((u) => u.accountId)),
    iamUsers,
  };
}

function lastUsed(user: IamUser): string | null {
  const dates = [user.passwordLastUsed, ...user.accessKeys.map((k) => k.lastUsedDate)].filter(
    (d): d is string => d !== null,
  );
  return dates.length === 0 ? null : dates.sort().at(-1)!;
}

/** Why a permission set carries less than the IAM user had in an account; null when it carries it all. */
function narrowedBy(
  set: KitPlan['permissionSets'][number] | undefined,
  accountId: string,
  customerPolicies: ReadonlyMap<string, ReadonlySet<string> | null>,
  incompleteAccounts: ReadonlySet<string>,
): string | null {
  if (!set) return null;
  if (incompleteAccounts.has(accountId))
    return "this account's IAM groups or policies were not collected: the permission set may miss permissions the IAM user had through them";
  const known = customerPolicies.get(accountId);
  const missing = set.customerManagedPolicies.filter((name) => !known?.has(name));
  if (missing.length === 0) return null;
  return known
    ? `customer managed policy ${missing.join(', ')} does not exist in this account: the permission set cannot grant it here until it is created`
    : `customer managed policies of this account were not collected: ${missing.join(', ')} may be missing`;
}
