import { InputError } from '../io/input-error.js';
import type { DeclarationSource, DeclaredDocument } from './desired-state-model.js';

/**
 * Identity Store group display names and user names are unique, so one desired state (all its files)
 * declares each group and each user once. A second declaration would silently replace the first (its
 * members, its display name), as a second permission set of the same name would: refused, naming both.
 */
export function checkGroupsAndUsersDeclaredOnce(documents: readonly DeclaredDocument[]): void {
  const groups = new Map<string, DeclarationSource>();
  const users = new Map<string, DeclarationSource>();
  for (const doc of documents) {
    for (const group of doc.groups) refuseSecond(groups, 'group', group.displayName, group.source);
    for (const user of doc.users) refuseSecond(users, 'user', user.userName, user.source);
  }
}

function refuseSecond(
  seen: Map<string, DeclarationSource>,
  kind: 'group' | 'user',
  name: string,
  source: DeclarationSource,
): void {
  const first = seen.get(name);
  if (first)
    throw new InputError(
      `${source.file}: ${source.entry}: ${kind} ${name} is also declared in ${first.file} (${first.entry})`,
    );
  seen.set(name, source);
}
