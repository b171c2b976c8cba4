/**
 * A per-user derivation computed once per user object and shared by every rule that asks for it. Keyed
 * weakly by the inventory's own object, so the answers go when a scan lets go of an account's inventory
 * (and a changed copy of a user is a new key, never a stale answer).
 */
export function memoisedPerUser<U extends object, T>(
  cache: WeakMap<U, T>,
  user: U,
  compute: (user: U) => T,
): T {
  let value = cache.get(user);
  if (value === undefined) {
    value = compute(user);
    cache.set(user, value);
  }
  return value;
}
