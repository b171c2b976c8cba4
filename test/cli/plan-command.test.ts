import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeysweep } from './run-cli.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const NOW = ['--now', '2026-12-01T00:00:00Z'];

describe('keysweep plan --demo --out DIR', () => {
  it('writes all six parts of the kit, the same on every run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keysweep-plan-'));
    const run = await runKeysweep([
      'plan',
      '--demo',
      '--out',
      join(dir, 'a'),
      ...NOW,
      '--scp-exempt-role',
      'AccountFactory',
    ]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(
      /^keysweep plan: \d+ people from \d+ human IAM users \(\d+ IAM users unmatched\)/,
    );
    expect(run.stdout.join('\n')).toMatch(/WARNING GRANTS \*:\*/);
    const files = await listFiles(join(dir, 'a'));
    expect(files).toEqual(
      expect.arrayContaining([
        'people.csv',
        'plan.json',
        'identity-center/account-assignments.tf',
        'identity-center/permission-sets.tf',
        'scp/deny-iam-users.json',
        'scp/README.md',
        'runbook.md',
        'runbook.html',
        'cli-profiles/grace-example.com.aws-config',
        'workloads/100000000006/main.tf',
        'workloads/100000000006/roles.tf',
      ]),
    );
    await runKeysweep([
      'plan',
      '--demo',
      '--out',
      join(dir, 'b'),
      ...NOW,
      '--scp-exempt-role',
      'AccountFactory',
    ]);
    expect(await listFiles(join(dir, 'b'))).toEqual(files);
    for (const file of files)
      expect(await readFile(join(dir, 'b', file), 'utf8'), file).toBe(
        await readFile(join(dir, 'a', file), 'utf8'),
      );
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it.each([
    [['--idp', 'okta'], /--idp: "okta" must be one of identity-center, external/],
    [['--scp-exempt-role', 'not a role'], /--scp-exempt-role: "not a role"/],
    [['--format', 'pdf'], /--format: "pdf" is not one of md, html/],
    [['--delete-after-days', '0'], /--delete-after-days: "0" must be a positive whole number/],
    [['--now', 'yesterday'], /--now: "yesterday" is not an ISO-8601/],
    [['--snapshot', 'x.json'], /--demo and --snapshot cannot be used together/],
    [['--identity-map', 'missing.csv'], /missing\.csv: cannot read file/],
  ])('refuses %j with one line, exit 2, nothing written', async (flags, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'keysweep-plan-bad-'));
    const run = await runKeysweep(['plan', '--demo', '--out', join(dir, 'out'), ...flags], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(message);
    expect(await readdir(dir)).toEqual([]);
  });

  it('exits 3 when the inventory has holes, still writing the kit', async () => {
    const { loadDemoSnapshot } = await import('../../src/demo/demo-snapshot.js');
    const { saveSnapshot } = await import('../../src/inventory/snapshot-file.js');
    const dir = await mkdtemp(join(tmpdir(), 'keysweep-plan-gap-'));
    const demo = await loadDemoSnapshot();
    const [first, ...rest] = demo.accounts;
    const denied = { status: 'failed' as const, error: { code: 'AccessDenied', message: 'denied' } };
    await saveSnapshot(join(dir, 'snap.json'), {
      ...demo,
      accounts: [{ ...first!, iam: { ...first!.iam, groups: denied } }, ...rest],
    });
    const run = await runKeysweep(
      ['plan', '--snapshot', join(dir, 'snap.json'), '--out', 'kit', ...NOW],
      dir,
    );
    expect(run.code).toBe(3);
    expect(run.stdout.join('\n')).toContain('not collected: 100000000001 iam.groups');
    expect(await readFile(join(dir, 'kit', 'plan.json'), 'utf8')).toContain('"slice": "iam.groups"');
  });

  it('reads an identity map and records the method', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keysweep-plan-map-'));
    await writeFile(
      join(dir, 'people.yaml'),
      'mappings:\n  - iamUserArn: arn:aws:iam::100000000008:user/frank.contractor\n    email: frank@example.com\n',
    );
    const run = await runKeysweep(
      ['plan', '--demo', '--out', 'kit', '--identity-map', 'people.yaml', '--quiet', ...NOW],
      dir,
    );
    expect(run.code).toBe(0);
    const plan = JSON.parse(await readFile(join(dir, 'kit', 'plan.json'), 'utf8'));
    const frank = plan.people.find((p: { id: string }) => p.id === 'frank@example.com');
    expect(frank.source).toBe('proposed');
    expect(frank.iamUsers[0].method).toBe('identity-map');
  });
});
