import type {
  BoundaryRef,
  CustomerPolicyRef,
  DesiredPermissionSet,
} from '../desired-state/desired-state-model.js';
import type { PermissionSet } from '../inventory/identity-center-schema.js';
import type { DriftItem, PermissionSetField } from '../knowledge/drift/drift-items.js';
import { canonicalPolicy, describePolicyDifference } from './normalize-policy.js';

/** Sets declared but missing, live but not declared (scope all), and declared fields that differ. */
export function comparePermissionSets(
  declared: DesiredPermissionSet[],
  live: PermissionSet[],
  reportUndeclared: boolean,
): DriftItem[] {
  const items: DriftItem[] = [];
  const liveByArn = new Map(live.map((set) => [set.arn, set]));
  for (const set of declared) {
    const current = set.arn ? liveByArn.get(set.arn) : undefined;
    if (!current) {
      items.push({ kind: 'permission-set-missing', source: set.source, arn: set.arn, name: set.name });
      continue;
    }
    for (const [field, declaredValue, liveValue] of fieldPairs(set, current)) {
      if (declaredValue === undefined || declaredValue === liveValue) continue;
      const shown =
        field === 'inlinePolicy'
          ? describePolicyDifference(set.inlinePolicy ?? null, current.inlinePolicy)
          : { declared: declaredValue, live: liveValue };
      items.push({
        kind: 'permission-set-changed',
        source: set.source,
        arn: current.arn,
        name: current.name,
        field,
        ...shown,
      });
    }
  }
  if (reportUndeclared) {
    const declaredArns = new Set(declared.map((set) => set.arn));
    for (const set of live) {
      if (!declaredArns.has(set.arn))
        items.push({ kind: 'permission-set-not-declared', arn: set.arn, name: set.name });
    }
  }
  return items;
}

/** [field, declared (undefined: not declared), live], each as a comparable display string. */
function fieldPairs(
  set: DesiredPermissionSet,
  live: PermissionSet,
): Array<[PermissionSetField, string | undefined, string]> {
  const opt = <T>(value: T | undefined, show: (v: T) => string) =>
    value === undefined ? undefined : show(value);
  return [
    ['description', opt(set.description, text), text(live.description)],
    ['sessionDuration', opt(set.sessionDuration, duration), duration(live.sessionDuration)],
    ['managedPolicies', opt(set.managedPolicyArns, list), list(live.managedPolicies.map((p) => p.arn))],
    [
      'customerManagedPolicies',
      opt(set.customerManagedPolicies, customerPolicies),
      customerPolicies(live.customerManagedPolicies),
    ],
    ['inlinePolicy', opt(set.inlinePolicy, canonicalPolicy), canonicalPolicy(live.inlinePolicy)],
    ['permissionsBoundary', opt(set.permissionsBoundary, boundary), boundary(live.permissionsBoundary)],
  ];
}

const text = (value: string | null) => (value === null || value === '' ? '(none)' : value);

function list(values: string[]): string {
  const unique = [...new Set(values)].sort();
  return unique.length === 0 ? '(none)' : unique.join(', ');
}

const customerPolicies = (refs: CustomerPolicyRef[]) => list(refs.map((r) => `${pathOf(r.path)}${r.name}`));

function pathOf(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function boundary(value: BoundaryRef | null): string {
  if (!value) return '(none)';
  if (value.managedPolicyArn) return value.managedPolicyArn;
  const customer = value.customerManagedPolicy;
  return customer ? `customer-managed ${pathOf(customer.path)}${customer.name}` : '(none)';
}

/** PT1H and PT60M are the same session: compare in seconds, show as written live. */
function duration(iso: string): string {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso);
  if (!match) return iso;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}` || 'PT0S';
}
