import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeysweep } from '../run-cli.js';
import { noCredentialsEnv, spawnKeysweep } from '../spawn-keysweep.js';

// Issue 22, items 1, 5, 6 and 7: hostile input files and flags end in one line and exit 2, nothing written.
const NOW = ['--now', '2026-12-01T00:00:00Z'];
const DEMO = join(import.meta.dirname, '../../../fixtures/demo/demo-org.json');
const DESIRED = join(import.meta.dirname, '../../../fixtures/desired-state/desired-state.yaml');
const tempDir = () => mkdtemp(join(tmpdir(), 'ks-hostile-'));

/** The few parts of the demo snapshot these tests change. */
interface RawSnapshot {
  accounts: unknown[];
  identityCenter: { permissionSets: { data: Array<Record<string, unknown>> } };
}

async function demoWith(change: (snapshot: RawSnapshot) => void): Promise<string> {
  const snapshot = JSON.parse(await readFile(DEMO, 'utf8')) as RawSnapshot;
  change(snapshot);
  const file = join(await tempDir(), 'snapshot.json');
  await writeFile(file, JSON.stringify(snapshot));
  return file;
}

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A policy document whose Condition nests `depth` levels: IAM would never hold it. */
function deepPolicy(depth: number) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: nested(depth) } },
    ],
  };
}

async function expectOneLine(args: string[], pattern: RegExp, cwd?: string): Promise<void> {
  const run = await runKeysweep(args, cwd);
  expect(run.stderr.join('\n')).toMatch(pattern);
  expect(run.stderr).toHaveLength(1);
  expect(run.code).toBe(2);
}

describe('a policy nested thousands of levels deep (item 1)', () => {
  const deepSnapshot = () =>
    demoWith((s) => {
      s.identityCenter.permissionSets.data[0]!.inlinePolicy = deepPolicy(3000);
    });
  const REFUSED =
    /^keysweep: .*snapshot\.json: identityCenter\.permissionSets\.data\.0\.inlinePolicy: nested more than 64 levels deep/;

  it('in a snapshot: drift refuses it naming the file and the policy, exit 2 (was exit 70)', async () => {
    await expectOneLine(['drift', ...NOW, '--snapshot', await deepSnapshot(), '--desired', DESIRED], REFUSED);
  });

  it('in a snapshot: scan --desired refuses it before writing anything', async () => {
    const out = join(await tempDir(), 'reports');
    const args = ['scan', ...NOW, '--snapshot', await deepSnapshot(), '--desired', DESIRED, '--out', out];
    await expectOneLine(args, REFUSED);
    expect(existsSync(out)).toBe(false);
  });

  it('in a desired-state file, as a JSON string or as YAML nesting', async () => {
    const dir = await tempDir();
    const asString = join(dir, 'string.yaml');
    const policy = JSON.stringify(deepPolicy(3000));
    await writeFile(
      asString,
      `kind: keysweep.desired-state\nversion: 1\npermissionSets:\n  - name: X\n    inlinePolicy: ${JSON.stringify(policy)}\n`,
    );
    await expectOneLine(
      ['drift', '--demo', ...NOW, '--desired', asString],
      /string\.yaml: permissionSets\.0 \(X\): inlinePolicy: nested more than 64 levels deep/,
    );
    const asYaml = join(dir, 'nested.yaml');
    await writeFile(
      asYaml,
      `kind: keysweep.desired-state\nversion: 1\npermissionSets:\n  - name: X\n    inlinePolicy: ${policy}\n`,
    );
    await expectOneLine(
      ['drift', '--demo', ...NOW, '--desired', asYaml],
      /nested\.yaml: not valid YAML: nested too deeply to be read$/,
    );
  });

  it('a policy nested as deep as real ones still compares', async () => {
    const file = await demoWith((s) => {
      s.identityCenter.permissionSets.data[0]!.inlinePolicy = deepPolicy(50);
    });
    const run = await runKeysweep([
      'drift',
      ...NOW,
      '--snapshot',
      file,
      '--desired',
      DESIRED,
      '--fail-on',
      'none',
    ]);
    expect(run.code).toBe(0);
  });
});

describe('numbers out of range at flag time (item 1)', () => {
  it('plan --delete-after-days 100000000: exit 2 naming the flag and its bound, nothing written', async () => {
    const out = join(await tempDir(), 'kit');
    await expectOneLine(
      ['plan', '--demo', ...NOW, '--out', out, '--delete-after-days', '100000000'],
      /^keysweep: --delete-after-days: 100000000 is more than 3650 \(ten years\)$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('collect --shard 1/2^53: exit 2 naming --shard before any AWS call, no checkpoint left', async () => {
    const dir = await tempDir();
    const run = await spawnKeysweep(['collect', '--shard', '1/9007199254740992', '--out', 'snap.json'], {
      cwd: dir,
      env: noCredentialsEnv(dir),
    });
    expect(run.stderr.trim()).toMatch(
      /^keysweep: --shard: "1\/9007199254740992" must be K\/N with 1 <= K <= N <= 9007199254740991/,
    );
    expect(run.code).toBe(2);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a snapshot listing an account twice (item 5)', () => {
  it('is refused on load, naming the account and both places', async () => {
    const file = await demoWith((s) => s.accounts.push(s.accounts[1]));
    const out = join(await tempDir(), 'reports');
    await expectOneLine(
      ['scan', ...NOW, '--snapshot', file, '--out', out],
      /snapshot\.json: accounts\.14\.id: account 100000000002 is listed twice \(accounts\.1 and accounts\.14\)/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('merge refuses it too, inside one shard file', async () => {
    const file = await demoWith((s) => s.accounts.push(s.accounts[1]));
    const out = join(await tempDir(), 'merged.json');
    await expectOneLine(['merge', file, '--out', out], /account 100000000002 is listed twice/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a desired state declaring a group or a user twice (item 6)', () => {
  it('is refused, naming both declarations', async () => {
    const dir = await tempDir();
    const file = join(dir, 'twice.yaml');
    await writeFile(
      file,
      'kind: keysweep.desired-state\nversion: 1\nidentityStore:\n  groups:\n    - name: Admins\n      members: [alice]\n    - name: Admins\n      members: [mallory]\n',
    );
    await expectOneLine(
      ['drift', '--demo', ...NOW, '--desired', file],
      /twice\.yaml: identityStore\.groups\.1 \(Admins\): group Admins is also declared in .*twice\.yaml \(identityStore\.groups\.0 \(Admins\)\)$/,
    );
  });

  it('a user twice across two files', async () => {
    const dir = await tempDir();
    const user =
      'kind: keysweep.desired-state\nversion: 1\nidentityStore:\n  users:\n    - userName: alice\n';
    await writeFile(join(dir, 'a.yaml'), user);
    await writeFile(join(dir, 'b.yaml'), user);
    await expectOneLine(
      ['drift', '--demo', ...NOW, '--desired', join(dir, 'a.yaml'), '--desired', join(dir, 'b.yaml')],
      /b\.yaml: identityStore\.users\.0 \(alice\): user alice is also declared in .*a\.yaml/,
    );
  });
});

describe("--out '' and other empty paths (item 7)", () => {
  const cases: Array<[string, string[]]> = [
    ['scan', ['scan', '--demo', ...NOW, '--out', '']],
    ['plan', ['plan', '--demo', ...NOW, '--out', '']],
    ['access', ['access', '--demo', '--out', '']],
    ['merge', ['merge', DEMO, '--out', '']],
    ['collect', ['collect', '--out', '']],
    ['scan --baseline', ['scan', '--demo', ...NOW, '--out', 'r', '--baseline', '']],
    ['drift --desired', ['drift', '--demo', ...NOW, '--desired', '']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: refused, nothing written in the current directory`, async () => {
      const cwd = await tempDir();
      const flag = args[args.indexOf('') - 1];
      await expectOneLine(args, new RegExp(`^keysweep: ${flag}: give a path, not an empty string$`), cwd);
      expect(await readdir(cwd)).toEqual([]);
    });
  }
});

describe('--desired-scope without --desired (item 8)', () => {
  it('is an error, not silently ignored', async () => {
    const out = join(await tempDir(), 'reports');
    await expectOneLine(
      ['scan', '--demo', ...NOW, '--out', out, '--desired-scope', 'declared'],
      /^keysweep: --desired-scope: only means something with --desired FILE/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
