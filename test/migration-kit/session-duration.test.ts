import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitRuleOptionsOf } from '../../src/config/kit-rule-options.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { runKeysweep } from '../cli/run-cli.js';
import { NOW, planOf } from './support/kit.js';

const RULE = 'sso-session-duration-too-long';

// The kit follows the rule's configured maximum, so what it proposes is not a finding in the next scan.
describe('session durations follow rule sso-session-duration-too-long as configured', () => {
  it('default (8 hours): new sets get PT8H, existing sets above 8 hours are flagged', async () => {
    const plan = planOf(await loadDemoSnapshot());
    expect(plan.permissionSets.find((s) => s.name === 'Developers')).toMatchObject({
      exists: false,
      sessionDuration: 'PT8H',
    });
    const flagged = plan.permissionSets.filter((s) => s.warnings.some((w) => w.includes('-hour sessions')));
    expect(flagged.map((s) => s.name)).toEqual(['AdministratorAccess']);
  });

  it('maxSessionHours 4: new sets get PT4H, existing 8-hour sets are flagged too', async () => {
    const plan = planOf(await loadDemoSnapshot(), {
      ruleOptions: kitRuleOptionsOf({ [RULE]: { maxSessionHours: 4 } }),
    });
    expect(plan.permissionSets.find((s) => s.name === 'Developers')!.sessionDuration).toBe('PT4H');
    const flagged = plan.permissionSets.filter((s) => s.warnings.some((w) => w.includes('at most 4')));
    expect(flagged.map((s) => s.name)).toEqual(['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess']);
  });

  it('keysweep plan --config reads it; a bad option is one line, exit 2, nothing written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-plan-config-'));
    await writeFile(join(dir, 'good.yaml'), `rules:\n  ${RULE}:\n    options:\n      maxSessionHours: 2\n`);
    await writeFile(join(dir, 'bad.yaml'), `rules:\n  ${RULE}:\n    options:\n      maxSessionHours: 20\n`);
    const now = ['--now', NOW.toISOString()];
    const good = await runKeysweep(
      ['plan', '--demo', ...now, '--config', 'good.yaml', '--out', 'kit', '--quiet'],
      dir,
    );
    expect(good.stderr).toEqual([]);
    const written = JSON.parse(await readFile(join(dir, 'kit', 'plan.json'), 'utf8'));
    expect(
      written.permissionSets.find((s: { name: string }) => s.name === 'Developers').sessionDuration,
    ).toBe('PT2H');
    const bad = await runKeysweep(['plan', '--demo', ...now, '--config', 'bad.yaml', '--out', 'kit2'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toHaveLength(1);
    expect(bad.stderr[0]).toMatch(/bad\.yaml.*maxSessionHours/);
    await expect(readFile(join(dir, 'kit2', 'plan.json'))).rejects.toThrow(/ENOENT/);
  });
});

// The kit asks the same administrator question as the rule, with the rule's adminPolicyArns from the config.
describe('administrator permission sets and workloads follow the rule adminPolicyArns as configured', () => {
  it('default: only AdministratorAccess and "*" on "*"; configured PowerUserAccess makes its holders admin', async () => {
    const snapshot = await loadDemoSnapshot();
    const admins = (plan: ReturnType<typeof planOf>) => ({
      sets: plan.permissionSets.filter((s) => s.grantsFullAdmin).map((s) => s.name),
      workloads: plan.workloads.filter((w) => w.grantsFullAdmin).length,
    });
    const byDefault = admins(planOf(snapshot));
    expect(byDefault.sets).toEqual(['AdministratorAccess']);
    const powerUser = ['arn:aws:iam::aws:policy/PowerUserAccess'];
    const configured = planOf(snapshot, {
      ruleOptions: kitRuleOptionsOf({ [RULE]: { adminPolicyArns: powerUser } }),
    });
    expect(admins(configured).sets).toEqual(['Developers', 'PowerUserAccess']);
    expect(admins(configured).workloads).toBeGreaterThan(0);
    expect(configured.permissionSets.find((s) => s.name === 'Developers')!.sessionDuration).toBe('PT1H');
  });
});

describe('session durations Identity Center cannot take are refused at config time', () => {
  it.each([0.0001, 0.5, 12.5])(
    'maxSessionHours %s: exit 2, one line naming the config field, nothing written',
    async (hours) => {
      const dir = await mkdtemp(join(tmpdir(), 'ks-plan-session-'));
      await writeFile(
        join(dir, 'c.yaml'),
        `rules:\n  ${RULE}:\n    options:\n      maxSessionHours: ${hours}\n`,
      );
      const run = await runKeysweep(
        ['plan', '--demo', '--now', NOW.toISOString(), '--config', 'c.yaml', '--out', 'kit'],
        dir,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(/c\.yaml.*maxSessionHours/);
      await expect(readFile(join(dir, 'kit', 'plan.json'))).rejects.toThrow(/ENOENT/);
    },
  );
});
