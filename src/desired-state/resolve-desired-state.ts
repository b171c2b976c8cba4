import type { IdentityStore, PermissionSet } from '../inventory/identity-center-schema.js';
import { collectedData } from '../inventory/slice-reader.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import type {
  DeclaredDocument,
  DeclaredPermissionSet,
  DesiredAssignment,
  DesiredGroup,
  DesiredPermissionSet,
  DesiredState,
  DesiredUser,
  Ref,
} from './desired-state-model.js';
import { resolveTargets } from './resolve-targets.js';

/**
 * Merges the declared documents (several files are one desired state) and resolves names against the
 * inventory. Unresolvable accounts, OUs and permission sets are input errors; a principal name the
 * identity store lacks is not: that is drift (a deleted user, a group an IdP sync renamed).
 */
export function resolveDesiredState(snapshot: Snapshot, documents: DeclaredDocument[]): DesiredState {
  const ic = snapshot.identityCenter;
  const liveSets = collectedData(ic.permissionSets) ?? null;
  const store = collectedData(ic.identityStore) ?? null;
  const gaps: string[] = [];
  const permissionSets = mergePermissionSets(documents, liveSets);

  const assignments: DesiredAssignment[] = [];
  const index = principalIndex(store, documents);
  for (const doc of documents) {
    for (const declared of doc.assignments) {
      const set = resolveSetRef(declared.permissionSet, permissionSets, liveSets);
      if (!set) {
        if (!liveSets) {
          gaps.push(`${declared.source.file}: ${declared.source.entry}: permission sets were not collected`);
          continue;
        }
        const name = 'name' in declared.permissionSet ? declared.permissionSet.name : '';
        throw new InputError(
          `${declared.source.file}: ${declared.source.entry}: permission set "${name}" is neither declared nor in Identity Center`,
        );
      }
      const principal = resolvePrincipal(declared.principalType, declared.principal, index);
      if (!principal) {
        gaps.push(`${declared.source.file}: ${declared.source.entry}: the identity store was not collected`);
        continue;
      }
      const accountIds = resolveTargets(
        snapshot,
        declared.targets,
        declared.source,
        doc.format === 'keysweep-yaml',
      );
      for (const accountId of accountIds) {
        assignments.push({
          source: declared.source,
          accountId,
          permissionSetArn: set.arn,
          permissionSetName: set.name,
          principalType: declared.principalType,
          ...principal,
        });
      }
    }
  }
  if (!store && documents.some((d) => d.groups.length + d.users.length + d.memberships.length > 0))
    gaps.push(
      'the identity store was not collected: declared groups, users and memberships were not compared',
    );
  return {
    files: documents.map((d) => d.file),
    permissionSets,
    assignments,
    groups: resolveGroups(documents, store),
    users: resolveUsers(documents, store),
    gaps,
  };
}

function mergePermissionSets(
  documents: DeclaredDocument[],
  live: PermissionSet[] | null,
): DesiredPermissionSet[] {
  const byKey = new Map<string, DeclaredPermissionSet>();
  for (const doc of documents) {
    for (const set of doc.permissionSets) {
      const liveByName = set.name ? live?.find((l) => l.name === set.name) : undefined;
      const arn = set.arn ?? liveByName?.arn ?? null;
      const key = arn ?? `name:${set.name}`;
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, { ...set, arn });
        continue;
      }
      if (existing.name !== null && set.name !== null) {
        throw new InputError(
          `${set.source.file}: ${set.source.entry}: permission set ${set.name} is also declared in ${existing.source.file} (${existing.source.entry})`,
        );
      }
      // A set in one workspace, its attachments in another: one declaration.
      byKey.set(key, {
        ...existing,
        ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined && v !== null)),
        source: existing.name !== null ? existing.source : set.source,
        name: existing.name ?? set.name,
        arn,
        managedPolicyArns: concatDefined(existing.managedPolicyArns, set.managedPolicyArns),
        customerManagedPolicies: concatDefined(existing.customerManagedPolicies, set.customerManagedPolicies),
      } as DeclaredPermissionSet);
    }
  }
  return [...byKey.values()].map((set) => ({
    ...set,
    name: set.name ?? live?.find((l) => l.arn === set.arn)?.name ?? set.arn ?? '',
  }));
}

function concatDefined<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  return a === undefined && b === undefined ? undefined : [...(a ?? []), ...(b ?? [])];
}

function resolveSetRef(
  ref: { arn: string } | { name: string },
  declared: DesiredPermissionSet[],
  live: PermissionSet[] | null,
): { arn: string | null; name: string } | null {
  if ('arn' in ref) {
    const name = declared.find((s) => s.arn === ref.arn)?.name ?? live?.find((s) => s.arn === ref.arn)?.name;
    return { arn: ref.arn, name: name ?? ref.arn };
  }
  const set = declared.find((s) => s.name === ref.name) ?? live?.find((s) => s.name === ref.name);
  return set ? { arn: set.arn, name: ref.name } : null;
}

/** Principal names by id and ids by name, live first, then what the files declare (built once). */
interface PrincipalIndex {
  nameById: Record<'USER' | 'GROUP', Map<string, string>>;
  idByName: Record<'USER' | 'GROUP', Map<string, string>> | null;
}

function principalIndex(store: IdentityStore | null, documents: DeclaredDocument[]): PrincipalIndex {
  const declaredGroups = documents.flatMap((d) =>
    d.groups.flatMap((g) => ('id' in g.group ? [[g.group.id, g.displayName] as const] : [])),
  );
  const declaredUsers = documents.flatMap((d) =>
    d.users.flatMap((u) => ('id' in u.user ? [[u.user.id, u.userName] as const] : [])),
  );
  const liveGroups = (store?.groups ?? []).map((g) => [g.groupId, g.displayName] as const);
  const liveUsers = (store?.users ?? []).map((u) => [u.userId, u.userName] as const);
  // Later entries win in a Map: declared names first, live names over them.
  return {
    nameById: {
      GROUP: new Map([...declaredGroups, ...liveGroups]),
      USER: new Map([...declaredUsers, ...liveUsers]),
    },
    idByName: store
      ? {
          GROUP: new Map([...liveGroups].reverse().map(([id, name]) => [name, id])),
          USER: new Map([...liveUsers].reverse().map(([id, name]) => [name, id])),
        }
      : null,
  };
}

function resolvePrincipal(
  type: 'USER' | 'GROUP',
  ref: Ref,
  index: PrincipalIndex,
): { principalId: string | null; principalName: string | null } | null {
  if ('id' in ref) return { principalId: ref.id, principalName: index.nameById[type].get(ref.id) ?? null };
  if (!index.idByName) return null;
  return { principalId: index.idByName[type].get(ref.name) ?? null, principalName: ref.name };
}

function groupId(ref: Ref, store: IdentityStore | null): string | null {
  return 'id' in ref ? ref.id : (store?.groups.find((g) => g.displayName === ref.name)?.groupId ?? null);
}

function userKey(ref: Ref, store: IdentityStore | null): string {
  if ('id' in ref) return ref.id;
  return store?.users.find((u) => u.userName === ref.name)?.userId ?? `name:${ref.name}`;
}

function refKey(ref: Ref, store: IdentityStore | null): string {
  return groupId(ref, store) ?? `name:${'name' in ref ? ref.name : ref.id}`;
}

function resolveGroups(documents: DeclaredDocument[], store: IdentityStore | null): DesiredGroup[] {
  if (!store) return [];
  const groups = new Map<string, DesiredGroup>();
  for (const doc of documents) {
    for (const g of doc.groups) {
      const id = groupId(g.group, store);
      groups.set(refKey(g.group, store), {
        source: g.source,
        groupId: id,
        label: g.displayName,
        displayName: g.displayName,
        ...(g.description !== undefined ? { description: g.description } : {}),
        members: null,
      });
    }
  }
  for (const doc of documents) {
    for (const ref of doc.membershipDeclaredForGroups) {
      const key = refKey(ref, store);
      const id = groupId(ref, store);
      const group = groups.get(key) ?? {
        source: { file: doc.file, entry: `memberships of group ${'id' in ref ? ref.id : ref.name}` },
        groupId: id,
        label: store.groups.find((g) => g.groupId === id)?.displayName ?? ('id' in ref ? ref.id : ref.name),
        members: null,
      };
      group.members ??= [];
      groups.set(key, group);
    }
  }
  for (const doc of documents) {
    for (const m of doc.memberships) {
      const group = groups.get(refKey(m.group, store));
      const member = userKey(m.user, store);
      if (group?.members && !group.members.includes(member)) group.members.push(member);
    }
  }
  return [...groups.values()];
}

function resolveUsers(documents: DeclaredDocument[], store: IdentityStore | null): DesiredUser[] {
  if (!store) return [];
  return documents.flatMap((doc) =>
    doc.users.map((u) => ({
      source: u.source,
      userId:
        'id' in u.user ? u.user.id : (store.users.find((s) => s.userName === u.userName)?.userId ?? null),
      userName: u.userName,
      ...(u.displayName !== undefined ? { displayName: u.displayName } : {}),
    })),
  );
}
