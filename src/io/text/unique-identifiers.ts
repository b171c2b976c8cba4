import { createHash } from 'node:crypto';

/** `identifier(kind, ...parts)`: the identifier for `parts` among the identifiers of the same `kind`. */
export type IdentifierFn = (kind: string, ...parts: string[]) => string;

/**
 * Makes a name → identifier mapping injective within one namespace (a Terraform module's resource type,
 * a directory of files). `toIdentifier` maps parts to an identifier; when different part lists of the
 * same kind map to the same identifier, EACH of them gets a short suffix from a hash of its own parts:
 * nothing is silently merged, and the result depends only on the names, not on their order.
 *
 * Renderers are pure, so the table is built by rendering twice: once recording every key, once with the
 * collisions resolved.
 */
export function withUniqueIdentifiers<T>(
  toIdentifier: (parts: readonly string[]) => string,
  render: (identifier: IdentifierFn) => T,
): T {
  // kind → identifier → the distinct part lists (as JSON) that produced it
  const seen = new Map<string, Map<string, Set<string>>>();
  render((kind, ...parts) => {
    const id = toIdentifier(parts);
    const byId = seen.get(kind) ?? new Map<string, Set<string>>();
    seen.set(kind, byId);
    byId.set(id, (byId.get(id) ?? new Set()).add(JSON.stringify(parts)));
    return id;
  });
  const resolved = new Map<string, string>();
  for (const [kind, byId] of seen) {
    const taken = new Set(byId.keys());
    for (const [id, keys] of byId) {
      if (keys.size < 2) continue;
      for (const key of [...keys].sort()) {
        const unique = suffixed(id, key, taken);
        taken.add(unique);
        resolved.set(`${kind}\u0000${key}`, unique);
      }
    }
  }
  return render(
    (kind, ...parts) => resolved.get(`${kind}\u0000${JSON.stringify(parts)}`) ?? toIdentifier(parts),
  );
}

/** `id_` and the first 6 hex digits of the key's sha256 (more if that is taken too). */
export function suffixed(id: string, key: string, taken: ReadonlySet<string>, separator = '_'): string {
  const hash = createHash('sha256').update(key).digest('hex');
  for (let length = 6; length < hash.length; length += 2) {
    const candidate = `${id}${separator}${hash.slice(0, length)}`;
    if (!taken.has(candidate)) return candidate;
  }
  return `${id}${separator}${hash}`;
}
