import { parse } from '@cdktf/hcl2json';
import { loadDemoSnapshot } from '../../../src/demo/demo-snapshot.js';
import type { Snapshot } from '../../../src/inventory/snapshot-schema.js';
import { buildKitPlan, type KitOptions } from '../../../src/migration-kit/build-kit-plan.js';
import type { KitPlan } from '../../../src/migration-kit/plan-schema.js';
import { type KitFile, renderKit } from '../../../src/migration-kit/render-kit.js';

export const NOW = new Date('2026-12-01T00:00:00Z');

export function planOf(snapshot: Snapshot, options: Partial<KitOptions> = {}): KitPlan {
  return buildKitPlan(snapshot, {
    now: NOW,
    idp: 'identity-center',
    identityMap: new Map(),
    emailTag: 'email',
    ...options,
  });
}

export async function demoKit(options: Partial<KitOptions> = {}, scpExemptRoles: string[] = []) {
  const snapshot = await loadDemoSnapshot();
  const plan = planOf(snapshot, options);
  const files = renderKit(plan, snapshot, {
    scpExemptRoles,
    deleteAfterDays: 30,
    runbookFormats: ['md', 'html'],
    now: NOW,
  });
  return { snapshot, plan, files };
}

/** What a real HCL2 parser (HashiCorp's, compiled to wasm) makes of a Terraform file. */
export interface ParsedTf {
  resource?: Record<string, Record<string, Array<Record<string, unknown>>>>;
  data?: Record<string, Record<string, Array<Record<string, unknown>>>>;
  import?: Array<{ to: string; id: string }>;
  locals?: Array<Record<string, unknown>>;
  variable?: Record<string, Array<Record<string, unknown>>>;
}

export async function parseTf(file: KitFile): Promise<ParsedTf> {
  return (await parse(file.path, file.content)) as ParsedTf;
}

/** Every .tf file of the kit parsed and merged by block type. */
export async function parseAllTf(files: KitFile[], prefix: string): Promise<ParsedTf> {
  const merged: Required<ParsedTf> = { resource: {}, data: {}, import: [], locals: [], variable: {} };
  for (const file of files.filter((f) => f.path.startsWith(prefix) && f.path.endsWith('.tf'))) {
    const parsed = await parseTf(file);
    for (const kind of ['resource', 'data'] as const)
      for (const [type, byName] of Object.entries(parsed[kind] ?? {}))
        merged[kind][type] = { ...merged[kind][type], ...byName };
    merged.import.push(...(parsed.import ?? []));
    merged.locals.push(...(parsed.locals ?? []));
    Object.assign(merged.variable, parsed.variable ?? {});
  }
  return merged;
}
