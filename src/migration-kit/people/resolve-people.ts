import type { IamUser } from '../../inventory/iam-schema.js';
import type { IdentityStore } from '../../inventory/identity-center-schema.js';
import type { IdentityMap } from './identity-map.js';
import { matchByNameConvention, nameFromConvention, normalise } from './name-convention.js';

export type MatchMethod =
  | 'identity-map'
  | 'identity-store-user-name'
  | 'identity-store-email'
  | 'email-tag'
  | 'name-convention'
  | 'same-user-name'
  | 'none';
export type Confidence = 'high' | 'medium' | 'low' | 'none';

type StoreUser = IdentityStore['users'][number];

/** Who one IAM user belongs to, and how sure we are. */
export interface UserResolution {
  accountId: string;
  user: IamUser;
  personId: string;
  method: MatchMethod;
  confidence: Confidence;
  evidence: string;
}

export interface Person {
  id: string;
  /** identity-center: an existing identity store user; proposed: to be created; unresolved: a human decides. */
  source: 'identity-center' | 'proposed' | 'unresolved';
  userId: string | null;
  userName: string;
  email: string | null;
  displayName: string | null;
  /** The weakest match among its IAM users: a person is only as certain as its least certain link. */
  confidence: Confidence;
  iamUsers: UserResolution[];
}

export interface PeopleInput {
  users: ReadonlyArray<{ accountId: string; user: IamUser }>;
  /** null when the identity store was not collected: no match against it is attempted (or claimed). */
  identityStore: IdentityStore | null;
  identityMap: IdentityMap;
  emailTag: string;
}

interface Identity {
  source: Person['source'];
  key: string;
  userName: string;
  email: string | null;
  displayName: string | null;
  userId: string | null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1, none: 0 };

/**
 * One person per human across accounts. Each IAM user is matched, strongest evidence first: the explicit
 * mapping file, the identity store's user name or email, the e-mail tag, a name convention, and finally
 * the same IAM user name as an already-resolved user in another account. Nothing else is guessed.
 */
export function resolvePeople(input: PeopleInput): Person[] {
  const store = input.identityStore;
  const people = new Map<string, Person>();
  const resolved: Array<{ resolution: UserResolution; identity: Identity }> = [];
  const unresolved: Array<{ accountId: string; user: IamUser }> = [];
  for (const { accountId, user } of input.users) {
    const match = matchUser(user, input, store);
    if (!match) {
      unresolved.push({ accountId, user });
      continue;
    }
    resolved.push({
      identity: match.identity,
      resolution: { accountId, user, personId: match.identity.key, ...match.how },
    });
  }
  const byIamName = new Map<string, Identity | null>();
  for (const { identity, resolution } of resolved) {
    const name = resolution.user.userName.toLowerCase();
    const seen = byIamName.get(name);
    byIamName.set(name, seen === undefined || seen?.key === identity.key ? identity : null);
  }
  for (const { accountId, user } of unresolved) {
    const sibling = byIamName.get(user.userName.toLowerCase());
    if (sibling) {
      resolved.push({
        identity: sibling,
        resolution: {
          accountId,
          user,
          personId: sibling.key,
          method: 'same-user-name',
          confidence: 'medium',
          evidence: `same IAM user name as a resolved user of ${sibling.userName} in another account`,
        },
      });
      continue;
    }
    const key = `unresolved:${user.userName.toLowerCase()}`;
    resolved.push({
      identity: {
        source: 'unresolved',
        key,
        userName: user.userName,
        email: null,
        // No display name either: who this is stays a human decision.
        displayName: null,
        userId: null,
      },
      resolution: {
        accountId,
        user,
        personId: key,
        method: 'none',
        confidence: 'none',
        evidence: store
          ? 'no identity store user, mapping or e-mail tag matches: decide who this is'
          : 'identity store not collected and no mapping or e-mail tag: decide who this is',
      },
    });
  }
  for (const { identity, resolution } of resolved) {
    const person = people.get(identity.key) ?? {
      id: identity.key,
      source: identity.source,
      userId: identity.userId,
      userName: identity.userName,
      email: identity.email,
      displayName: identity.displayName,
      confidence: 'high' as Confidence,
      iamUsers: [],
    };
    person.iamUsers.push(resolution);
    if (RANK[resolution.confidence] < RANK[person.confidence]) person.confidence = resolution.confidence;
    people.set(identity.key, person);
  }
  return [...people.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function matchUser(
  user: IamUser,
  input: PeopleInput,
  store: IdentityStore | null,
): { identity: Identity; how: Pick<UserResolution, 'method' | 'confidence' | 'evidence'> } | null {
  const mapped = input.identityMap.get(user.arn);
  if (mapped) {
    const storeUser = store && findStoreUser(store, [mapped.userName, mapped.email]);
    return {
      identity: storeUser
        ? fromStore(storeUser)
        : proposed(mapped.email ?? mapped.userName!, mapped.email ?? null, mapped.displayName ?? null),
      how: { method: 'identity-map', confidence: 'high', evidence: 'listed in the identity map' },
    };
  }
  if (store) {
    const byName = store.users.find((u) => normalise(u.userName) === normalise(user.userName));
    if (byName)
      return {
        identity: fromStore(byName),
        how: {
          method: 'identity-store-user-name',
          confidence: 'high',
          evidence: `identity store user name ${byName.userName}`,
        },
      };
    const byEmail = EMAIL.test(user.userName) ? findByEmail(store, user.userName) : undefined;
    if (byEmail)
      return {
        identity: fromStore(byEmail),
        how: {
          method: 'identity-store-email',
          confidence: 'high',
          evidence: `identity store e-mail ${user.userName}`,
        },
      };
  }
  const tagged = tagValue(user, input.emailTag);
  if (tagged && EMAIL.test(tagged)) {
    const storeUser = store && findByEmail(store, tagged);
    return {
      identity: storeUser
        ? fromStore(storeUser)
        : proposed(tagged, tagged, nameFromConvention(user.userName)),
      how: {
        method: 'email-tag',
        confidence: storeUser ? 'high' : 'medium',
        evidence: `tag ${input.emailTag}=${tagged}${storeUser ? ', an identity store user' : ', no identity store user yet'}`,
      },
    };
  }
  if (store) {
    const convention = matchByNameConvention(user.userName, store.users);
    if (convention)
      return {
        identity: fromStore(convention.storeUser),
        how: { method: 'name-convention', confidence: convention.confidence, evidence: convention.evidence },
      };
  }
  return null;
}

function tagValue(user: IamUser, tag: string): string | undefined {
  const key = Object.keys(user.tags).find((k) => k.toLowerCase() === tag.toLowerCase());
  return key === undefined ? undefined : user.tags[key]?.trim();
}

function findStoreUser(store: IdentityStore, names: Array<string | undefined>): StoreUser | undefined {
  for (const name of names) {
    if (!name) continue;
    const found =
      store.users.find((u) => normalise(u.userName) === normalise(name)) ?? findByEmail(store, name);
    if (found) return found;
  }
  return undefined;
}

function findByEmail(store: IdentityStore, email: string): StoreUser | undefined {
  return store.users.find((u) => u.emails.some((e) => normalise(e) === normalise(email)));
}

function fromStore(u: StoreUser): Identity {
  return {
    source: 'identity-center',
    key: u.userName.toLowerCase(),
    userName: u.userName,
    email: u.emails[0] ?? null,
    displayName: u.displayName,
    userId: u.userId,
  };
}

function proposed(userName: string, email: string | null, displayName: string | null): Identity {
  return { source: 'proposed', key: userName.toLowerCase(), userName, email, displayName, userId: null };
}
