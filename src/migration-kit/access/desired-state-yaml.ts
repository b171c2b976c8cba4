import { stringify } from 'yaml';
import { DESIRED_STATE_KIND, type DesiredStateFile } from '../../desired-state/keysweep-desired-schema.js';
import { collectedData } from '../../inventory/slice-reader.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import type { KitPlan } from '../plan-schema.js';

type DesiredInput = Omit<DesiredStateFile, 'permissionSets' | 'assignments'> & {
  permissionSets: Array<Record<string, unknown>>;
  assignments: Array<{ permissionSet: string; group?: string; user?: string; targets: string[] }>;
};

/**
 * desired-state.yaml: the keysweep desired state once the kit is applied, for `keysweep drift --desired
 * desired-state.yaml --desired-scope declared` after each wave. Declared: the permission sets the kit
 * creates (whole), every assignment of each permission set the kit assigns (today's and the kit's, so the
 * comparison of those sets is complete), the kit's groups with their whole membership, and the users it
 * creates. Assignments to a principal that no longer exists cannot be named and are left out: drift
 * reports them, as it should.
 */
export function renderDesiredStateYaml(plan: KitPlan, snapshot: Snapshot): string {
  const ic = snapshot.identityCenter;
  const store = collectedData(ic.identityStore) ?? null;
  const sets = collectedData(ic.permissionSets) ?? [];
  const live = collectedData(ic.assignments) ?? [];
  const setName = new Map(sets.map((s) => [s.arn, s.name]));
  const groupName = new Map((store?.groups ?? []).map((g) => [g.groupId, g.displayName]));
  const userName = new Map((store?.users ?? []).map((u) => [u.userId, u.userName]));

  const assigned = new Set(plan.assignments.map((a) => a.permissionSet));
  const targets = new Map<
    string,
    { permissionSet: string; group?: string; user?: string; accounts: Set<string> }
  >();
  const add = (permissionSet: string, principal: { group: string } | { user: string }, accountId: string) => {
    const key = `${permissionSet}\u0000${'group' in principal ? `g:${principal.group}` : `u:${principal.user}`}`;
    const entry = targets.get(key) ?? { permissionSet, ...principal, accounts: new Set<string>() };
    entry.accounts.add(accountId);
    targets.set(key, entry);
  };
  for (const a of live) {
    const name = setName.get(a.permissionSetArn);
    if (name === undefined || !assigned.has(name)) continue;
    const principal =
      a.principalType === 'GROUP' ? groupName.get(a.principalId) : userName.get(a.principalId);
    if (principal === undefined) continue;
    add(name, a.principalType === 'GROUP' ? { group: principal } : { user: principal }, a.accountId);
  }
  for (const a of plan.assignments) add(a.permissionSet, { group: a.group }, a.accountId);

  const people = new Map(plan.people.map((p) => [p.id, p]));
  const document: DesiredInput = {
    kind: DESIRED_STATE_KIND,
    version: 1,
    permissionSets: plan.permissionSets
      .filter((s) => s.exists === false)
      .map((s) => ({
        name: s.name,
        description: s.description,
        sessionDuration: s.sessionDuration,
        managedPolicies: s.awsManagedPolicies,
        customerManagedPolicies: s.customerManagedPolicies.map((name) => ({ name, path: '/' })),
        inlinePolicy: s.inlinePolicy,
      })),
    assignments: [...targets.values()]
      .map(({ accounts, ...principal }) => ({ ...principal, targets: [...accounts].sort() }))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
    identityStore: {
      groups: plan.groups.map((g) => {
        const members = new Set(g.members.map((m) => people.get(m.personId)?.userName ?? m.personId));
        if (g.groupId !== null)
          for (const m of store?.memberships ?? [])
            if (m.groupId === g.groupId) {
              const name = userName.get(m.userId);
              if (name !== undefined) members.add(name);
            }
        return { name: g.displayName, description: g.description, members: [...members].sort() };
      }),
      users: plan.people
        .filter(
          (p) =>
            p.source === 'proposed' && plan.groups.some((g) => g.members.some((m) => m.personId === p.id)),
        )
        .map((p) => ({ userName: p.userName, displayName: p.displayName })),
    },
  };
  return `# keysweep desired state once this kit is applied (keysweep plan ${plan.tool.version}, ${plan.generatedAt}).\n# After each wave: keysweep drift --desired desired-state.yaml --desired-scope declared\n${stringify(document)}`;
}

const key = (a: { permissionSet: string; group?: string; user?: string }) =>
  `${a.permissionSet}|${a.group ?? ''}|${a.user ?? ''}`;
