import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { KitPlan } from '../../src/migration-kit/plan-schema.js';
import { addPlanPeople, type PlanPeople } from './support/add-plan-people.js';
import {
  buildMotoOrganization,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';

const endpoint = inject('motoEndpoint');
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();

describe.skipIf(endpoint === null)('keysweep plan, live against moto (real SDK)', () => {
  let org: MotoOrganization;
  let people: PlanPeople;
  let dir: string;
  let plan: KitPlan;
  const motoEndpoint = endpoint ?? '';

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(motoEndpoint);
    people = await addPlanPeople(motoEndpoint, org);
    dir = await mkdtemp(join(tmpdir(), 'keysweep-live-plan-'));
    const run = await runKeysweepProcess(motoEndpoint, ['plan', '--out', dir, '--now', NOW, '--quiet']);
    // moto lacks ListOrganizationsFeatures: centralized root access is a gap, so the plan exits 3 (incomplete).
    if (run.code !== 3) throw new Error(`plan failed (${run.code}):\n${run.stderr}`);
    plan = JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records moto’s gap instead of guessing (exit 3, gap in plan.json)', () => {
    expect(plan.gaps.map((g) => g.slice)).toContain('org.centralizedRootAccess');
    // Only the closed account (listed, not scanned) has no IAM data.
    expect(plan.gaps.filter((g) => g.scope === 'account').map((g) => [g.accountId, g.slice])).toEqual([
      [org.accounts.closed, 'iam.users'],
    ]);
  });

  it('consolidates the IAM users of one person across accounts onto their Identity Center user', () => {
    const dana = plan.people.find((p) => p.id === 'dana@example.com');
    expect(dana).toMatchObject({ source: 'identity-center', identityStoreUserId: people.storeUserId });
    expect(dana!.iamUsers.map((u) => [u.accountId, u.userName, u.method]).sort()).toEqual(
      [
        [org.accounts.prod, 'dana.scott', 'name-convention'],
        [org.accounts.dev, 'dana.scott', 'name-convention'],
      ].sort(),
    );
  });

  it('proposes group assignments for the users it created, reusing what exists', () => {
    const byAccount = (id: string) =>
      plan.assignments.filter((a) => a.accountId === id).map((a) => [a.group, a.permissionSet, a.exists]);
    // dana.scott: AdministratorAccess through Admins = the existing AdminAccess set; aws-admins exists,
    // and is already assigned on prod (imported), not on dev (new).
    expect(byAccount(org.accounts.prod)).toEqual([['aws-admins', 'AdminAccess', true]]);
    expect(byAccount(org.accounts.dev)).toEqual([['aws-admins', 'AdminAccess', false]]);
    // bob (Developers in dev) matches nobody: he drives no group or assignment until someone decides.
    expect(plan.confirmFirst.map((c) => [c.accountId, c.userName, c.reason])).toEqual([
      [org.accounts.dev, 'bob', 'unresolved'],
    ]);
    // alice and auditor (console users in the management account, no policies): nothing to carry over,
    // so they are listed to delete (issue 9b's planner), neither people nor workloads.
    expect(plan.people.flatMap((p) => p.iamUsers).filter((u) => u.accountId === MANAGEMENT_ACCOUNT)).toEqual(
      [],
    );
    expect(
      plan.withoutPermissions
        .filter((u) => u.accountId === MANAGEMENT_ACCOUNT)
        .map((u) => u.userName)
        .sort(),
    ).toEqual(['alice', 'auditor']);
    // Workload users are not people.
    expect(plan.workloads.map((w) => w.userName).sort()).toEqual([
      'ci-deployer',
      'old-bot',
      'service-reader',
    ]);
    expect(plan.permissionSets.find((s) => s.name === 'AdminAccess')).toMatchObject({
      exists: true,
      arn: org.permissionSets.admin,
      grantsFullAdmin: true,
    });
  });

  it('writes the existing assignment as an import block with the real ids', async () => {
    const tf = (await parse(
      'account-assignments.tf',
      await readFile(join(dir, 'identity-center/account-assignments.tf'), 'utf8'),
    )) as { import?: Array<{ id: string }> };
    const instanceArn = plan.identityCenter.instanceArn;
    expect(tf.import?.map((i) => i.id)).toEqual([
      `${people.adminsGroupId},GROUP,${org.accounts.prod},AWS_ACCOUNT,${org.permissionSets.admin},${instanceArn}`,
    ]);
  });
});
