/**
 * Lookups by key over inventory lists, built once per list and kept as long as the list lives. Rules and
 * derivations that searched a list per user (`policies.find(...)` for every user of an account, every
 * identity-store user per assignment) were quadratic: at 100k users that is billions of comparisons.
 */
const INDEXES = new WeakMap<object, Map<string, Map<string, unknown>>>();

/** The first item with each key (as `list.find` would return it), memoized per list and key name. */
export function indexBy<T>(list: readonly T[], name: string, keyOf: (item: T) => string): Map<string, T> {
  let byName = INDEXES.get(list);
  if (!byName) {
    byName = new Map();
    INDEXES.set(list, byName);
  }
  let index = byName.get(name) as Map<string, T> | undefined;
  if (!index) {
    index = new Map();
    for (const item of list) {
      const key = keyOf(item);
      if (!index.has(key)) index.set(key, item);
    }
    byName.set(name, index as Map<string, unknown>);
  }
  return index;
}
