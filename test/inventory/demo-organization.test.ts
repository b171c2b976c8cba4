import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateDemoOrganization } from '../../fixtures/demo/generate-demo-org.js';
import { DEMO_SNAPSHOT_PATH, loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { snapshotSchema } from '../../src/inventory/snapshot-schema.js';
import { classifyUser } from '../../src/knowledge/classify-user.js';

describe('demo organization', () => {
  it('the committed demo-org.json is what the generator produces (run npm run demo:generate)', async () => {
    const committed = JSON.parse(await readFile(DEMO_SNAPSHOT_PATH, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(snapshotSchema.parse(generateDemoOrganization()))));
  });

  it('is a realistic organization: accounts in several OUs, users of every kind', async () => {
    const demo = await loadDemoSnapshot();
    expect(demo.accounts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.accounts.map((a) => a.ouPath[0] ?? 'root')).size).toBeGreaterThanOrEqual(4);
    const users = demo.accounts.flatMap((a) => (a.iam.users.status === 'ok' ? a.iam.users.data : []));
    expect(users.length).toBeGreaterThanOrEqual(60);
    const kinds = users.map(classifyUser);
    expect(kinds.filter((k) => k.kind === 'human').length).toBeGreaterThan(10);
    expect(kinds.filter((k) => k.kind === 'workload').length).toBeGreaterThan(10);
    expect(users.some((u) => u.passwordEnabled && u.mfaDevices.length === 0)).toBe(true);
    expect(users.some((u) => u.passwordEnabled && u.mfaDevices.length > 0)).toBe(true);
    expect(users.some((u) => u.accessKeys.filter((k) => k.status === 'Active').length === 2)).toBe(true);
    expect(users.some((u) => u.accessKeys.some((k) => k.status === 'Inactive'))).toBe(true);
    expect(users.some((u) => u.accessKeys.some((k) => k.lastUsedDate === null))).toBe(true);
    expect(users.some((u) => u.attachedPolicies.some((p) => p.policyName === 'AdministratorAccess'))).toBe(
      true,
    );
  });

  it('has root used recently in one account and root keys in another', async () => {
    const demo = await loadDemoSnapshot();
    const roots = demo.accounts.flatMap((a) =>
      a.iam.root.status === 'ok' ? [{ id: a.id, root: a.iam.root.data }] : [],
    );
    const recent = roots.filter((r) => r.root.passwordLastUsed && r.root.passwordLastUsed > '2026-10-01');
    const keyed = roots.filter((r) => r.root.accessKeys.length > 0);
    expect(recent.length).toBeGreaterThanOrEqual(1);
    expect(keyed.length).toBeGreaterThanOrEqual(1);
    expect(recent.map((r) => r.id)).not.toEqual(keyed.map((r) => r.id));
  });

  it('has Identity Center with drift: outdated provisioning, a deleted principal, an unused permission set', async () => {
    const { identityCenter: ic } = await loadDemoSnapshot();
    if (ic.permissionSets.status !== 'ok' || ic.assignments.status !== 'ok')
      throw new Error('demo IC not ok');
    if (ic.provisioning.status !== 'ok' || ic.identityStore.status !== 'ok')
      throw new Error('demo IC not ok');
    expect(ic.permissionSets.data.length).toBeGreaterThanOrEqual(6);
    const outdated = ic.provisioning.data.filter((p) => p.status === 'outdated');
    expect(new Set(outdated.map((p) => p.accountId)).size).toBeGreaterThanOrEqual(2);
    const principals = new Set([
      ...ic.identityStore.data.users.map((u) => u.userId),
      ...ic.identityStore.data.groups.map((g) => g.groupId),
    ]);
    expect(ic.assignments.data.some((a) => !principals.has(a.principalId))).toBe(true);
    const assigned = new Set(ic.assignments.data.map((a) => a.permissionSetArn));
    expect(ic.permissionSets.data.some((p) => !assigned.has(p.arn))).toBe(true);
    expect(ic.assignments.data.some((a) => a.principalType === 'USER')).toBe(true);
    expect(ic.assignments.data.some((a) => a.principalType === 'GROUP')).toBe(true);
  });
});
