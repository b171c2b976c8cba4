import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDeclaredDocument } from '../../src/desired-state/load-desired-state.js';
import { resolveDesiredState } from '../../src/desired-state/resolve-desired-state.js';
import { compareDesiredState } from '../../src/drift/compare-desired-state.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { applyIdentityCenterPlan } from './support/apply-identity-center-plan.js';
import { demoKit } from './support/kit.js';

function driftOf(snapshot: Snapshot, yaml: string) {
  const document = parseDeclaredDocument('desired-state.yaml', yaml);
  return compareDesiredState(snapshot, resolveDesiredState(snapshot, [document]), 'declared');
}

describe('desired-state.yaml: the keysweep desired state of what the kit creates', () => {
  it('parses as keysweep YAML and shows no drift once the kit is applied (and drift before)', async () => {
    const { snapshot, plan, files } = await demoKit();
    const yaml = files.find((f) => f.path === 'desired-state.yaml')!.content;
    const parsed = parseYaml(yaml) as {
      kind: string;
      assignments: unknown[];
      permissionSets: Array<{ name: string }>;
    };
    expect(parsed.kind).toBe('keysweep.desired-state');
    expect(parsed.permissionSets.map((s) => s.name)).toEqual(
      plan.permissionSets.filter((s) => s.exists === false).map((s) => s.name),
    );
    const applied = applyIdentityCenterPlan(snapshot, plan);
    const after = driftOf(applied, yaml);
    // The demo's orphaned assignment (a deleted contractor) cannot be named in YAML: it stays drift.
    expect(after.items.filter((i) => !JSON.stringify(i).includes('u-deleted-9999'))).toEqual([]);
    expect(after.items.length).toBeLessThanOrEqual(1);
    const before = driftOf(snapshot, yaml);
    expect(before.items.length).toBeGreaterThan(0);
  });
});
