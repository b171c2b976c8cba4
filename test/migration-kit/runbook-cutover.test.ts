import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import type { KitPlan } from '../../src/migration-kit/plan-schema.js';
import { renderKit } from '../../src/migration-kit/render-kit.js';
import { deleteUserCommands } from '../../src/migration-kit/runbook/delete-user-commands.js';
import { NOW, planOf } from './support/kit.js';

const runbookOf = async (change: (plan: KitPlan) => KitPlan = (p) => p) => {
  const snapshot = await loadDemoSnapshot();
  const plan = change(planOf(snapshot));
  const files = renderKit(plan, snapshot, {
    scpExemptRoles: [],
    deleteAfterDays: 30,
    runbookFormats: ['md'],
    now: NOW,
  });
  return { plan, files, md: files.find((f) => f.path === 'runbook.md')!.content };
};

describe('a runbook an operator follows literally', () => {
  it('deletes a user in the order AWS requires, every kind of credential first', () => {
    const commands = deleteUserCommands({ userName: 'bob' });
    const order = [
      'delete-login-profile',
      'delete-access-key',
      'delete-signing-certificate',
      'delete-ssh-public-key',
      'delete-service-specific-credential',
      'deactivate-mfa-device',
      'remove-user-from-group',
      'detach-user-policy',
      'delete-user-policy',
      'delete-user --user-name',
    ];
    const positions = order.map((c) => commands.findIndex((line) => line.includes(`aws iam ${c}`)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(commands.join('\n')).toContain('aws iam delete-virtual-mfa-device --serial-number "$id"');
  });

  it('retires every workload key: role applied, workload switched, key watched, deactivated, deleted', async () => {
    const { plan, md } = await runbookOf();
    const snapshot = await loadDemoSnapshot();
    const users = new Map(
      snapshot.accounts
        .flatMap((a) => (a.iam.users.status === 'ok' ? a.iam.users.data : []))
        .map((u) => [u.arn, u]),
    );
    expect(plan.workloads.length).toBeGreaterThan(5);
    for (const w of plan.workloads) {
      const start = md.indexOf(`### Workload ${w.userName} → role`);
      expect(start, w.userName).toBeGreaterThan(0);
      const text = md.slice(start, md.indexOf('\n### ', start + 5));
      expect(text).toContain(`workloads/${w.accountId}/`);
      for (const key of users.get(w.arn)!.accessKeys) {
        expect(text).toContain(`aws iam get-access-key-last-used --access-key-id ${key.accessKeyId}`);
        expect(text).toContain(`--access-key-id ${key.accessKeyId} --status Inactive`);
      }
      expect(text).toContain(`aws iam delete-user --user-name ${w.userName}`);
      expect(text).toMatch(/Rollback: point the workload back at its key/);
    }
  });

  it('has the person verify their own sign-in, and tells the operator what to check', async () => {
    const { md } = await runbookOf();
    const heidi = md.slice(md.indexOf('### Heidi Lamarr: IAM user heidi.lamarr'));
    expect(heidi).toMatch(/They run them, not you/);
    expect(heidi).toContain('aws cloudtrail lookup-events');
    expect(heidi).toContain('keysweep access --snapshot after.json --person');
  });

  it('gives users created by the kit a way to sign in (one-time password or e-mail)', async () => {
    const { md } = await runbookOf();
    expect(md).toContain('### Sign-in for the users the kit creates');
    expect(md).toMatch(/Generate a one-time password/);
    expect(md).toMatch(/Send email OTP for users created from API/);
  });

  it('with an external IdP: create in the IdP, wait for SCIM, check each user and group arrived', async () => {
    const { plan, md } = await runbookOf((p) => ({
      ...p,
      identityCenter: { ...p.identityCenter, idp: 'external' },
    }));
    expect(md).toContain('### External identity provider: users and groups come by SCIM');
    for (const g of plan.groups) expect(md).toContain(`"AttributeValue":"${g.displayName}"`);
    expect(md).toContain('aws identitystore get-user-id --identity-store-id');
  });

  it("lists every confirm-first IAM user (the demo's flast match among them) once, never in a wave", async () => {
    const { md, plan } = await runbookOf();
    const low = plan.confirmFirst.find((c) => c.reason === 'low-confidence');
    expect(low?.userName).toBe('ghopper');
    expect(plan.confirmFirst.map((c) => c.reason).sort()).toEqual([
      'low-confidence',
      'suspected-break-glass',
      'unresolved',
    ]);
    // One "Confirm first" list, the plan's confirmFirst (it includes the low-confidence matches).
    expect([...md.matchAll(/^#+ Confirm first/gm)]).toHaveLength(1);
    const heading = md.indexOf('### Confirm first');
    const confirm = md.slice(heading, md.indexOf('\n## ', heading));
    for (const c of plan.confirmFirst) {
      expect(confirm).toContain(`- ${c.accountId}/${c.userName} (${c.reason}`);
      expect(md).not.toContain(`--user-name ${c.userName}`);
      expect(md).not.toMatch(new RegExp(`^### .*: IAM user ${c.userName}$`, 'm'));
    }
  });

  it('checks each wave before and after with keysweep access and keysweep drift --desired', async () => {
    const { md, files } = await runbookOf();
    const waves = [...md.matchAll(/^## Wave (\d+): /gm)].length;
    expect(waves).toBeGreaterThan(3);
    expect([...md.matchAll(/keysweep access --snapshot wave-\d+-before\.json/g)]).toHaveLength(waves);
    // Against what the kit declared (its desired-state.yaml), not the Terraform state it would trivially match.
    expect([
      ...md.matchAll(/keysweep drift --snapshot wave-\d+-after\.json --desired desired-state\.yaml/g),
    ]).toHaveLength(waves);
    expect(files.map((f) => f.path)).toContain('desired-state.yaml');
  });

  it('attaches the SCP only after the deletion window, and rolls Terraform back with state rm before destroy', async () => {
    const { md } = await runbookOf();
    expect(md).toMatch(/Attach `scp\/deny-iam-users\.json` only after the last wave's IAM users are deleted/);
    const rollback = md.slice(md.indexOf('## Rollback: remove what the kit created'));
    const stateRm = rollback.indexOf('terraform -chdir=identity-center state rm');
    const destroy = rollback.indexOf('terraform -chdir=identity-center destroy');
    expect(stateRm).toBeGreaterThan(0);
    expect(destroy).toBeGreaterThan(stateRm);
  });
});
