import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anAccount, aSnapshot } from '../../fixtures/builders/index.js';
import {
  ALL_REQUIRED_ACTIONS,
  buildScanPolicy,
  CRAWL_ACTIONS,
} from '../../src/collectors/required-actions.js';
import { SLICE_COLLECTORS } from '../../src/collectors/slice-collectors.js';
import { failed, type Slice } from '../../src/inventory/collection.js';
import { accountSlicesNotCollected, identityCenterSlices } from '../../src/inventory/slice-placeholders.js';
import { SLICE_NAMES, SLICE_TABLE, type SliceName } from '../../src/inventory/slice-table.js';
import { accountSchema, snapshotSchema } from '../../src/inventory/snapshot-schema.js';
import { summarizeScan } from '../../src/report/model/scan-status.js';

/** A slice in the schema is the ok/failed/not_collected union that `slice()` builds. */
function isSliceSchema(schema: z.ZodType): schema is z.ZodDiscriminatedUnion<[z.ZodObject]> {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return false;
  const statuses = schema.options.map((o) => (o as z.ZodObject).shape.status?.def);
  return (
    JSON.stringify(statuses.map((d) => (d as { values?: unknown[] })?.values)) ===
    JSON.stringify([['ok'], ['failed'], ['not_collected']])
  );
}

/** Every slice-shaped member two levels below `root`, as `group.key` → its data schema. */
function slicesIn(root: z.ZodObject): Map<string, z.ZodType> {
  const found = new Map<string, z.ZodType>();
  for (const [group, groupSchema] of Object.entries(root.shape)) {
    if (!(groupSchema instanceof z.ZodObject)) continue;
    for (const [key, member] of Object.entries(groupSchema.shape)) {
      if (isSliceSchema(member as z.ZodType)) {
        found.set(
          `${group}.${key}`,
          ((member as z.ZodDiscriminatedUnion).options[0] as z.ZodObject).shape.data,
        );
      }
    }
  }
  return found;
}

const jsonSchema = (schema: z.ZodType) => JSON.stringify(z.toJSONSchema(schema, { io: 'input' }));

describe('the slice table is the only list of slices', () => {
  it('has exactly one row per slice in the snapshot schema, at its location, with the same data schema', () => {
    const inSchema = new Map<string, z.ZodType>([
      ...[...slicesIn(snapshotSchema)].map(([path, s]) => [`organization:${path}`, s] as const),
      ...[...slicesIn(accountSchema)].map(([path, s]) => [`account:${path}`, s] as const),
    ]);
    const inTable = new Map(
      SLICE_NAMES.map((name) => [`${SLICE_TABLE[name].scope}:${SLICE_TABLE[name].location.join('.')}`, name]),
    );
    expect([...inTable.keys()].sort()).toEqual([...inSchema.keys()].sort());
    for (const [path, name] of inTable) {
      expect(jsonSchema(SLICE_TABLE[name].schema), `${name} schema`).toBe(jsonSchema(inSchema.get(path)!));
    }
  });

  it('names each slice after its scope prefix (org., iam., sso.) and gives each row a known collector', () => {
    for (const name of SLICE_NAMES) {
      expect(name).toMatch(/^(org|iam|sso)\.[a-zA-Z]+$/);
      expect(Object.keys(SLICE_COLLECTORS)).toContain(SLICE_TABLE[name].collector);
      expect(SLICE_TABLE[name].actions.length).toBeGreaterThan(0);
    }
  });

  it("lists, per collector, exactly the actions the collector declares (less the crawl's)", () => {
    for (const [id, collector] of Object.entries(SLICE_COLLECTORS)) {
      const fromRows = new Set(
        SLICE_NAMES.filter((n) => SLICE_TABLE[n].collector === id).flatMap((n) => SLICE_TABLE[n].actions),
      );
      const declared = collector.declaredActions.filter((a) => !CRAWL_ACTIONS.includes(a));
      expect([...fromRows].sort(), id).toEqual([...declared].sort());
    }
  });

  it('builds the scan policy from the crawl and the table rows', () => {
    const [read] = buildScanPolicy({ roleName: 'R' }).Statement;
    const fromTable = SLICE_NAMES.flatMap((n) => SLICE_TABLE[n].actions);
    expect(new Set(read!.Action)).toEqual(
      new Set(
        [...CRAWL_ACTIONS, ...fromTable].filter((a) => a !== 'sts:AssumeRole' && a !== 'sts:AssumeRoot'),
      ),
    );
    expect(ALL_REQUIRED_ACTIONS).toEqual([...new Set([...CRAWL_ACTIONS, ...fromTable])].sort());
  });

  it('builds not-collected placeholders with one slice per account row, and Identity Center groups from the table', () => {
    const iam = accountSlicesNotCollected('skipped');
    const accountRows = SLICE_NAMES.filter((n) => SLICE_TABLE[n].scope === 'account');
    expect(Object.keys(iam).sort()).toEqual(accountRows.map((n) => SLICE_TABLE[n].location[1]).sort());
    expect(Object.values(iam).every((s) => s.status === 'not_collected' && s.reason === 'skipped')).toBe(
      true,
    );
    const sso = identityCenterSlices((name: SliceName): Slice<never> => failed('X', name), ['instance']);
    expect(Object.keys(sso).sort()).toEqual([
      'accessControlAttributes',
      'applications',
      'assignments',
      'identityStore',
      'permissionSets',
      'provisioning',
      'regions',
      'trustedTokenIssuers',
    ]);
    expect(sso.assignments).toEqual(failed('X', 'sso.assignments'));
  });

  it('names gaps in the scan status by slice-table name', () => {
    const account = anAccount({ id: '111111111111' });
    account.iam.root = failed('AccessDenied', 'no');
    const snapshot = aSnapshot({ accounts: [account] });
    snapshot.identityCenter.assignments = failed('Throttling', 'slow');
    const status = summarizeScan(snapshot, { notEvaluated: [] }, new Date(0));
    expect(status.accounts[0]?.error).toBe('iam.root: AccessDenied: no');
    expect(status.organizationGaps).toEqual(['sso.assignments: Throttling: slow']);
  });
});
