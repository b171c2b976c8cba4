import { parse as parseIni } from 'ini';
import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { withUniqueIdentifiers } from '../../src/io/text/unique-identifiers.js';
import type { KitPlan, PlanPerson, PlanWorkload } from '../../src/migration-kit/plan-schema.js';
import { renderIdentityCenterTerraform } from '../../src/migration-kit/terraform/identity-center-tf.js';
import { renderWorkloadsTerraform } from '../../src/migration-kit/terraform/workloads-tf.js';
import { renderCliProfiles } from '../../src/migration-kit/writers/cli-profiles.js';
import { parseAllTf, planOf } from './support/kit.js';

async function demoPlan(): Promise<KitPlan> {
  return planOf(await loadDemoSnapshot());
}

/** Two copies of one proposed person, under ids that a lossy mapping makes equal. */
function twins(plan: KitPlan, ids: [string, string]): KitPlan {
  const person = plan.people.find((p) => p.source === 'proposed' && p.groups.length > 0)!;
  const copies: PlanPerson[] = ids.map((id) => ({ ...person, id, userName: id, email: id }));
  const group = plan.groups.find((g) => g.displayName === person.groups[0])!;
  return {
    ...plan,
    people: [...plan.people.filter((p) => p !== person), ...copies],
    groups: plan.groups.map((g) =>
      g === group
        ? {
            ...g,
            members: [
              ...g.members.filter((m) => m.personId !== person.id),
              ...ids.map((personId) => ({ personId, exists: false })),
            ],
          }
        : g,
    ),
  };
}

describe('identifiers are unique per module, never a silent merge', () => {
  it('keeps ci-deploy-0 and ci.deploy.0 apart in one account’s workloads module', async () => {
    const plan = await demoPlan();
    // An account without a ci-deploy-0 of its own (the demo has one in 100000000001).
    const base = plan.workloads.find((w) => w.userName === 'svc-backup-5')!;
    const pair: PlanWorkload[] = ['ci-deploy-0', 'ci.deploy.0'].map((userName) => ({
      ...base,
      userName,
      arn: `arn:aws:iam::${base.accountId}:user/${userName}`,
      roleName: `${userName}-role`,
    }));
    const files = renderWorkloadsTerraform({ ...plan, workloads: [...plan.workloads, ...pair] });
    const module = await parseAllTf(files, `workloads/${base.accountId}/`);
    const roles = Object.values(module.resource!.aws_iam_role!).map((r) => (r[0] as { name: string }).name);
    expect(roles).toEqual(expect.arrayContaining(['ci-deploy-0-role', 'ci.deploy.0-role']));
    expect(roles).toHaveLength(plan.workloads.filter((w) => w.accountId === base.accountId).length + 2);
    // Each gets a short stable suffix, and the suffixes do not depend on the order of the workloads.
    const reversed = renderWorkloadsTerraform({ ...plan, workloads: [...pair.reverse(), ...plan.workloads] });
    const names = (text: string) =>
      [...text.matchAll(/resource "aws_iam_role" "([^"]+)"/g)].map((m) => m[1]).sort();
    const content = (fs: typeof files) =>
      fs
        .filter((f) => f.path.startsWith(`workloads/${base.accountId}/`))
        .map((f) => f.content)
        .join('');
    expect(names(content(reversed))).toEqual(names(content(files)));
    expect(names(content(files))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ci_deploy_0_[0-9a-f]{6}$/)]),
    );
  });

  it('keeps a.b@ and a_b@ as two identity store users and two memberships', async () => {
    const plan = twins(await demoPlan(), ['a.b@example.com', 'a_b@example.com']);
    const parsed = await parseAllTf(renderIdentityCenterTerraform(plan), 'identity-center/');
    const users = Object.values(parsed.resource!.aws_identitystore_user!).map(
      (u) => (u[0] as { user_name: string }).user_name,
    );
    expect(users).toEqual(expect.arrayContaining(['a.b@example.com', 'a_b@example.com']));
    const memberships = Object.values(parsed.resource!.aws_identitystore_group_membership!).map(
      (m) => (m[0] as { member_id: string }).member_id,
    );
    expect(new Set(memberships).size).toBe(memberships.length);
  });

  it('writes one CLI profile file per person for a+b@ and a-b@', async () => {
    const plan = twins(await demoPlan(), ['a+b@example.com', 'a-b@example.com']);
    const files = renderCliProfiles(plan);
    expect(new Set(files.map((f) => f.path.toLowerCase())).size).toBe(files.length);
    const twinFiles = files.filter((f) => /a\+b@|a-b@/.test(f.content));
    expect(twinFiles).toHaveLength(2);
    for (const f of twinFiles) expect(Object.keys(parseIni(f.content)).length).toBeGreaterThan(1);
  });

  it('gives profiles of accounts whose names differ only in unsafe characters different names', async () => {
    const plan = await demoPlan();
    const [a, b] = [...new Set(plan.assignments.map((x) => x.accountId))];
    const renamed = {
      ...plan,
      assignments: plan.assignments.map((x) =>
        x.accountId === a
          ? { ...x, accountName: 'team a' }
          : x.accountId === b
            ? { ...x, accountName: 'team/a' }
            : x,
      ),
    };
    const person = renamed.people.find(
      (p) => p.iamUsers.some((u) => u.accountId === a) && p.iamUsers.some((u) => u.accountId === b),
    );
    const files = renderCliProfiles(renamed);
    for (const f of files) {
      const sections = Object.keys(parseIni(f.content));
      expect(new Set(sections).size).toBe(sections.length);
    }
    if (person) expect(files.some((f) => f.content.includes('team-a-'))).toBe(true);
  });

  it('the mapping is injective: colliding keys all get suffixes, others keep their plain identifier', () => {
    const ids = withUniqueIdentifiers(
      (parts) => parts.join('_').replace(/[^a-z0-9]/g, '_'),
      (id) => ['x-1', 'x.1', 'y'].map((name) => id('role', name)),
    );
    expect(ids[2]).toBe('y');
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[0]).toMatch(/^x_1_[0-9a-f]{6}$/);
  });
});
