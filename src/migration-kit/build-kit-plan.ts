import { isBreakGlass } from '../advice/break-glass.js';
import { classifyUser } from '../advice/classify-user.js';
import { buildMigrationPlan } from '../advice/migration-planner.js';
import type { IamUser } from '../inventory/iam-schema.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import { TOOL_VERSION } from '../version.js';
import { inventoryGaps } from './inventory-gaps.js';
import type { IdentityMap } from './people/identity-map.js';
import { type Person, resolvePeople } from './people/resolve-people.js';
import { maxSessionHoursFrom, planPermissionSet, type UserContext } from './permission-set-plan.js';
import { type KitPlan, PLAN_SCHEMA_VERSION, type PlanPerson } from './plan-schema.js';
import { withExistingWorkloadObjects } from './workload-existing-objects.js';
import { planWorkload } from './workload-plan.js';

export interface KitOptions {
  now: Date;
  idp: 'identity-center' | 'external';
  identityMap: IdentityMap;
  emailTag: string;
  /** Rule options from the keysweep config (sso-session-duration-too-long's maximum); default: none. */
  ruleOptions?: Readonly<Record<string, unknown>>;
}

const okData = <T>(s: { status: string; data?: T }): T | undefined =>
  s.status === 'ok' ? s.data : undefined;

/**
 * The whole migration plan from one inventory: the planner's groups and permission sets (src/advice),
 * people resolved across accounts, assignments, workloads and every gap that limits what is known.
 */
export function buildKitPlan(snapshot: Snapshot, options: KitOptions): KitPlan {
  const migration = buildMigrationPlan(snapshot);
  const ic = snapshot.identityCenter;
  const instance = okData(ic.instance);
  const store = okData(ic.identityStore) ?? null;
  const existingSets = okData(ic.permissionSets) ?? [];
  // No instance at all: nothing exists there (a fact). An instance whose parts were not collected: unknown.
  const absent = ic.instance.status === 'ok' && ic.instance.data === null;
  const existingAssignments = absent ? [] : okData(ic.assignments);
  const existingMemberships = absent ? [] : (store?.memberships ?? null);

  const contexts = new Map<string, UserContext>();
  const breakGlass: KitPlan['breakGlass'] = [];
  const withoutPermissions: KitPlan['withoutPermissions'] = [];
  const workloads: KitPlan['workloads'] = [];
  const customerPolicies = new Map<string, ReadonlySet<string> | null>();
  for (const account of snapshot.accounts) {
    const users = okData(account.iam.users);
    const policies = okData(account.iam.policies);
    customerPolicies.set(
      account.id,
      policies ? new Set(policies.filter((p) => !p.awsManaged).map((p) => p.policyName)) : null,
    );
    if (!users) continue;
    const groups = okData(account.iam.groups);
    for (const user of users) {
      const context: UserContext = {
        accountId: account.id,
        user,
        groups: groups ?? [],
        policies: policies ?? [],
        policiesComplete: groups !== undefined && policies !== undefined,
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
      if (!migration.humans.has(user.arn)) workloads.push(planWorkload(context, classifyUser(user).evidence));
    }
  }

  // The planner already leaves break-glass users out (src/advice/break-glass.ts, the one detector).
  const humans = [...migration.humans.values()];
  const people = resolvePeople({
    users: humans.map((t) => ({ accountId: t.accountId, user: contexts.get(t.userArn)!.user })),
    identityStore: store,
    identityMap: options.identityMap,
    emailTag: options.emailTag,
  });

  const maxSessionHours = maxSessionHoursFrom(options.ruleOptions);
  const permissionSets = migration.permissionSets
    .map((proposal) =>
      planPermissionSet(
        proposal,
        proposal.userArns.map((arn) => contexts.get(arn)!),
        proposal.exists ? existingSets.find((s) => s.name === proposal.name) : undefined,
        customerPolicies,
        maxSessionHours,
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  const accountName = new Map(snapshot.accounts.map((a: Account) => [a.id, a.name]));
  const storeGroups = new Map((store?.groups ?? []).map((g) => [g.displayName.toLowerCase(), g.groupId]));
  const storeGroupDescriptions = new Map((store?.groups ?? []).map((g) => [g.groupId, g.description]));
  const setArn = new Map(existingSets.map((s) => [s.name, s.arn]));
  const assignments = new Map<string, KitPlan['assignments'][number]>();
  for (const target of humans) {
    const key = `${target.accountId}|${target.targetGroup}|${target.targetPermissionSet}`;
    if (assignments.has(key)) continue;
    const groupId = storeGroups.get(target.targetGroup.toLowerCase());
    const psArn = setArn.get(target.targetPermissionSet);
    assignments.set(key, {
      accountId: target.accountId,
      accountName: accountName.get(target.accountId) ?? target.accountId,
      group: target.targetGroup,
      permissionSet: target.targetPermissionSet,
      // Unknown (null) when the assignments were not collected, or when the group or permission set
      // they would name is itself unknown.
      exists:
        existingAssignments === undefined ||
        (groupId === undefined && target.groupExists === null) ||
        (psArn === undefined && target.permissionSetExists === null)
          ? null
          : existingAssignments.some(
              (a) =>
                a.accountId === target.accountId &&
                a.principalType === 'GROUP' &&
                a.principalId === groupId &&
                a.permissionSetArn === psArn,
            ),
    });
  }

  const planPeople = people.map((person) => toPlanPerson(person, migration.humans, contexts));
  const groupNames = [...new Set(humans.map((t) => t.targetGroup))].sort();
  const groups = groupNames.map((displayName) => {
    const groupId = storeGroups.get(displayName.toLowerCase()) ?? null;
    const members = planPeople
      .filter((p) => p.source !== 'unresolved' && p.groups.includes(displayName))
      .map((p) => ({
        personId: p.id,
        exists:
          existingMemberships === null
            ? null
            : groupId !== null &&
              p.identityStoreUserId !== null &&
              existingMemberships.some((m) => m.groupId === groupId && m.userId === p.identityStoreUserId),
      }));
    const description = groupId
      ? (storeGroupDescriptions.get(groupId) ?? null)
      : 'Migrated from IAM users by keysweep';
    // The planner knows whether the group exists, or that it is unknown (identity store not collected).
    const known = humans.find((t) => t.targetGroup === displayName)?.groupExists ?? null;
    return { displayName, description, exists: groupId !== null ? true : known, groupId, members };
  });

  const warnings = permissionSets.flatMap((set) => (set.grantsFullAdmin ? [set.warnings[0]!] : []));
  const adminWorkloads = workloads.filter((w) => w.grantsFullAdmin);
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
      status: ic.instance.status !== 'ok' ? 'unknown' : instance ? 'present' : 'absent',
      instanceArn: instance?.instanceArn ?? null,
      identityStoreId: instance?.identityStoreId ?? null,
      region: instance?.homeRegion ?? null,
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
    withoutPermissions,
    groups,
    permissionSets,
    assignments: [...assignments.values()].sort((a, b) =>
      `${a.accountId}|${a.group}|${a.permissionSet}`.localeCompare(
        `${b.accountId}|${b.group}|${b.permissionSet}`,
      ),
    ),
    workloads: withExistingWorkloadObjects(workloads, snapshot),
  };
}

function toPlanPerson(
  person: Person,
  humans: ReturnType<typeof buildMigrationPlan>['humans'],
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
