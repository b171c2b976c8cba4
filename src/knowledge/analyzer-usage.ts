import type { CollectedPrincipalUsage } from '../inventory/iam-usage-schema.js';
import type { HeldPermissions } from './held-permissions.js';
import type { ServiceReference } from './service-reference.js';

/**
 * IAM Access Analyzer's unused-access findings name only what went unused (coverage `unused-only`).
 * Where what the principal is granted is known, the services it was granted and the findings do not
 * list as wholly unused were used within the analyzer's tracking period: used = granted − unused, at
 * service level. A service the finding lists with unused actions only was partly used: it counts as
 * used (service level: which of its actions were used is not said). Returned as a `granted-services`
 * principal whose used services are dated at the finding's date, so right-sizing treats them like
 * service-level job data; `derived` names them for the lower-confidence statement. null: the grant is
 * not known, the reference has no service list, or the finding has no date (then: unknown).
 */
export function usedFromAnalyzer(
  principal: CollectedPrincipalUsage,
  held: HeldPermissions | null,
  reference: ServiceReference,
): { principal: CollectedPrincipalUsage; derived: string[] } | null {
  if (principal.coverage !== 'unused-only') return { principal, derived: [] };
  const services = reference.services?.() ?? null;
  if (!held || !services || !principal.asOf) return null;
  const whollyUnused = new Set(
    principal.services.filter((s) => s.actions === null || s.actions.length === 0).map((s) => s.namespace),
  );
  const granted = grantedServices(held, services, reference);
  const derived = principal.principalUnused ? [] : granted.filter((s) => !whollyUnused.has(s));
  return {
    principal: {
      ...principal,
      coverage: 'granted-services',
      services: granted.map((namespace) => ({
        namespace,
        name: null,
        lastAccessed: derived.includes(namespace) ? principal.asOf : null,
        region: null,
        actions: null,
      })),
    },
    derived,
  };
}

// One grant is often asked about for many principals (the members of one set share it).
const grantedCache = new WeakMap<HeldPermissions, readonly string[]>();

function grantedServices(
  held: HeldPermissions,
  services: readonly string[],
  reference: ServiceReference,
): readonly string[] {
  const cached = grantedCache.get(held);
  if (cached) return cached;
  const granted = services.filter((s) => (reference.actionsOf(s) ?? []).some((a) => held(a)));
  grantedCache.set(held, granted);
  return granted;
}
