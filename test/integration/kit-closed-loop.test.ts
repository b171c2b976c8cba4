import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildAccessMatrix } from '../../src/access-matrix/access-matrix.js';
import type { AccessMatrix } from '../../src/access-matrix/access-matrix-schema.js';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import type { KitPlan } from '../../src/migration-kit/plan-schema.js';
import { applyIdentityCenterPlan, wideningOf } from '../migration-kit/support/apply-identity-center-plan.js';
import { addPlanPeople } from './support/add-plan-people.js';
import { applyKitIdentityCenter } from './support/apply-kit-identity-center.js';
import { buildMotoOrganization } from './support/build-moto-organization.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';

const endpoint = inject('motoEndpoint');
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();

/** Identity Center rows of an access matrix as `person|account|permission set`. */
const identityCenterRows = (matrix: Pick<AccessMatrix, 'rows'>) =>
  [
    ...new Set(
      matrix.rows
        .filter((r) => r.path === 'identity-center')
        .map((r) => `${r.principal.toLowerCase()}|${r.accountId}|${r.permission}`),
    ),
  ].sort();

describe.skipIf(endpoint === null)('the kit, applied to moto: a closed loop', () => {
  const motoEndpoint = endpoint ?? '';
  let dir: string;
  let before: Snapshot;
  let plan: KitPlan;
  let accessAfter: AccessMatrix;

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    const org = await buildMotoOrganization(motoEndpoint);
    await addPlanPeople(motoEndpoint, org);
    dir = await mkdtemp(join(tmpdir(), 'keysweep-closed-loop-'));
    const collect = await runKeysweepProcess(motoEndpoint, [
      'collect',
      '--out',
      join(dir, 'before.json'),
      '--now',
      NOW,
    ]);
    if (collect.code !== 0) throw new Error(`collect failed (${collect.code}):\n${collect.stderr}`);
    before = await loadSnapshot(join(dir, 'before.json'));
    const run = await runKeysweepProcess(motoEndpoint, [
      'plan',
      '--out',
      join(dir, 'kit'),
      '--now',
      NOW,
      '--quiet',
    ]);
    // moto lacks ListOrganizationsFeatures: the plan is incomplete (exit 3), its Identity Center part is not.
    if (run.code !== 3) throw new Error(`plan failed (${run.code}):\n${run.stderr}`);
    plan = JSON.parse(await readFile(join(dir, 'kit', 'plan.json'), 'utf8'));
    await applyKitIdentityCenter(motoEndpoint, plan);
    const access = await runKeysweepProcess(motoEndpoint, [
      'access',
      '--format',
      'json',
      '--out',
      join(dir, 'access-after.json'),
    ]);
    if (access.code !== 0 && access.code !== 3)
      throw new Error(`access failed (${access.code}):\n${access.stderr}`);
    accessAfter = JSON.parse(await readFile(join(dir, 'access-after.json'), 'utf8'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the plan assigns something (the loop is not empty) and predicts no widening', () => {
    expect(plan.assignments.filter((a) => !a.exists).length).toBeGreaterThan(0);
    expect(plan.accessDiff.summary.added).toBe(0);
    expect(wideningOf(before, plan).pairs).toEqual([]);
  });

  it('keysweep access after applying equals the kit’s predicted after-matrix', () => {
    const predicted = identityCenterRows(buildAccessMatrix(applyIdentityCenterPlan(before, plan)));
    expect(identityCenterRows(accessAfter)).toEqual(predicted);
    // Every Identity Center grant someone did not have before is access the kit carried over (kept).
    const had = new Set(identityCenterRows(buildAccessMatrix(before)));
    const carried = new Set(
      plan.accessDiff.rows
        .filter((r) => r.change === 'kept' || r.change === 'narrowed')
        .map((r) => `${r.person}|${r.accountId}|${r.permission}`),
    );
    const gained = identityCenterRows(accessAfter).filter((row) => !had.has(row));
    expect(gained.length).toBeGreaterThan(0);
    expect(gained.filter((row) => !carried.has(row))).toEqual([]);
  });

  it('keysweep drift --desired <the kit’s desired-state.yaml> shows no drift', async () => {
    const out = join(dir, 'drift');
    const run = await runKeysweepProcess(motoEndpoint, [
      'scan',
      '--desired',
      join(dir, 'kit', 'desired-state.yaml'),
      '--desired-scope',
      'declared',
      '--now',
      NOW,
      '--out',
      out,
      '--format',
      'json',
      '--quiet',
      '--fail-on',
      'none',
    ]);
    expect([0, 3], run.stderr).toContain(run.code);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      findings: Array<{ ruleId: string; message: string }>;
      notEvaluated: Array<{ ruleId: string; reason: string }>;
    };
    expect(report.notEvaluated.filter((n) => n.ruleId.startsWith('drift-'))).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId.startsWith('drift-')).map((f) => f.message)).toEqual([]);
  });
});
