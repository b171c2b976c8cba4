import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import type { AssignmentTarget, DeclarationSource } from './desired-state-model.js';

/**
 * Account ids an assignment's targets stand for, from the organization in the inventory. A target that
 * matches nothing is an input error naming the file and entry: a typo must never read as drift.
 * Expansions (`*`, an OU) take ACTIVE accounts only: a suspended account cannot be signed into.
 */
export function resolveTargets(
  snapshot: Snapshot,
  targets: AssignmentTarget[],
  source: DeclarationSource,
  /** Account ids written by hand (YAML) must exist; Terraform's may name an account closed since. */
  checkAccountIds: boolean,
): string[] {
  const ids = new Set<string>();
  for (const target of targets)
    for (const id of resolveTarget(snapshot, target, source, checkAccountIds)) ids.add(id);
  return [...ids];
}

function resolveTarget(
  snapshot: Snapshot,
  target: AssignmentTarget,
  source: DeclarationSource,
  checkAccountIds: boolean,
): string[] {
  const accounts = snapshot.accounts;
  const active = accounts.filter((a) => a.status === 'ACTIVE');
  const fail = (what: string): never => {
    throw new InputError(`${source.file}: ${source.entry}: target ${what}`);
  };
  switch (target.kind) {
    case 'all':
      return active.map((a) => a.id);
    case 'account-id':
      if (checkAccountIds && !accounts.some((a) => a.id === target.value))
        return fail(`${target.value} is not an account of the organization`);
      return [target.value];
    case 'ou-id': {
      if (target.value.startsWith('r-')) return active.map((a) => a.id);
      const path = ouPath(snapshot, target.value);
      if (!path) return fail(`"${target.value}" is not an OU of the organization`);
      return underPath(active, path);
    }
    case 'name': {
      if (!target.value.includes('/')) {
        const named = accounts.filter((a) => a.name === target.value);
        if (named.length > 1)
          return fail(`"${target.value}" names ${named.length} accounts; use the account ids`);
        if (named.length === 1) return named.map((a) => a.id);
      }
      const segments = target.value.split('/').filter(Boolean);
      const known = snapshot.organization.organizationalUnits.some(
        (ou) => ouPath(snapshot, ou.id)?.join('/') === segments.join('/'),
      );
      if (!known)
        return fail(`"${target.value}" is neither an account name nor an OU path of the organization`);
      return underPath(active, segments);
    }
  }
}

/** OU names from the root down to the OU, or null when the OU is unknown. */
function ouPath(snapshot: Snapshot, ouId: string): string[] | null {
  const byId = new Map(snapshot.organization.organizationalUnits.map((ou) => [ou.id, ou]));
  const path: string[] = [];
  let current = byId.get(ouId);
  if (!current) return null;
  while (current && path.length <= byId.size) {
    path.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

function underPath(accounts: Snapshot['accounts'], path: string[]): string[] {
  return accounts.filter((a) => path.every((segment, i) => a.ouPath[i] === segment)).map((a) => a.id);
}
