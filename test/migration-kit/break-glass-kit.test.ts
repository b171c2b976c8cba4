import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KitPlan } from '../../src/migration-kit/plan-schema.js';
import { runKeysweep } from '../cli/run-cli.js';
import { demoKit, NOW } from './support/kit.js';

const planned = (plan: KitPlan) => [
  ...plan.people.flatMap((p) => p.iamUsers.map((u) => u.userName)),
  ...plan.workloads.map((w) => w.userName),
];

// One detector (src/knowledge/break-glass.ts) for rules, advice and the kit: tag or config, the same answer.
describe('break-glass users in the migration kit', () => {
  it('the tagged demo user is listed as kept, never planned as a person or a workload', async () => {
    const { plan } = await demoKit();
    expect(plan.breakGlass.map((b) => `${b.accountId}/${b.userName}`)).toEqual([
      '100000000001/breakglass-admin',
    ]);
    expect(planned(plan)).not.toContain('breakglass-admin');
    expect(planned(plan)).toContain('dave.admin');
  });

  it("keysweep plan --config: the config's breakGlassUsers are kept the same way", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-plan-break-glass-'));
    await writeFile(join(dir, 'keysweep.config.yaml'), 'breakGlassUsers:\n  - dave.admin\n');
    const run = await runKeysweep(
      ['plan', '--demo', '--now', NOW.toISOString(), '--out', 'kit', '--quiet'],
      dir,
    );
    expect(run.stderr).toEqual([]);
    const plan = JSON.parse(await readFile(join(dir, 'kit', 'plan.json'), 'utf8')) as KitPlan;
    expect(plan.breakGlass.map((b) => b.userName).sort()).toEqual(['breakglass-admin', 'dave.admin']);
    expect(planned(plan)).not.toContain('dave.admin');
  });
});
