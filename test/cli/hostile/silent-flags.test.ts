import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeysweep } from '../run-cli.js';
import { noCredentialsEnv, spawnKeysweep } from '../spawn-keysweep.js';

// Issue 22, item 8: where keysweep ignored or guessed silently, it now says so: an error (exit 2) or a
// warning line on standard error. (--desired-scope without --desired: hostile-input-files.test.ts.)
const NOW = ['--now', '2026-12-01T00:00:00Z'];
const DEMO = join(import.meta.dirname, '../../../fixtures/demo/demo-org.json');
const ALICE = 'arn:aws:iam::100000000001:user/alice.ops0';
const BOB = 'arn:aws:iam::100000000001:user/bob.dev0';
const tempDir = () => mkdtemp(join(tmpdir(), 'ks-silent-'));

async function identityMap(rows: string[]): Promise<string> {
  const file = join(await tempDir(), 'people.csv');
  await writeFile(file, ['iam_user_arn,email,user_name', ...rows].join('\n'));
  return file;
}

interface RawSnapshot {
  collectedAt: string;
  organization: { managementAccountId: string | null };
  accounts: unknown[];
}

async function demoPart(name: string, change: (snapshot: RawSnapshot) => void): Promise<string> {
  const snapshot = JSON.parse(await readFile(DEMO, 'utf8')) as RawSnapshot;
  change(snapshot);
  const file = join(await tempDir(), name);
  await writeFile(file, JSON.stringify(snapshot));
  return file;
}

describe('plan --identity-map', () => {
  it('rows that conflict (one e-mail, two user names): exit 2 naming both rows, nothing written', async () => {
    const map = await identityMap([`${ALICE},alice@example.com,alice`, `${BOB},alice@example.com,bob`]);
    const out = join(await tempDir(), 'kit');
    const run = await runKeysweep(['plan', '--demo', ...NOW, '--out', out, '--identity-map', map]);
    expect(run.stderr).toEqual([
      `keysweep: ${map}: alice@example.com is user name alice for ${ALICE} but bob for ${BOB}`,
    ]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('rows naming an IAM user the inventory lacks: one warning line, the plan still written', async () => {
    const gone = 'arn:aws:iam::100000000001:user/left-in-2019';
    const map = await identityMap([`${ALICE},alice@example.com,alice`, `${gone},gone@example.com,gone`]);
    const out = join(await tempDir(), 'kit');
    const run = await runKeysweep(['plan', '--demo', ...NOW, '--out', out, '--identity-map', map, '--quiet']);
    expect(run.stderr).toEqual([
      `keysweep: warning: ${map}: 1 row(s) name an IAM user this inventory does not have, ignored: ${gone}`,
    ]);
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'plan.json'))).toBe(true);
  });
});

describe('plan --scp-exempt-role', () => {
  for (const pattern of ['*', '**', '?*', '*/*']) {
    it(`"${pattern}" (every role): exit 2 at flag parsing`, async () => {
      const out = join(await tempDir(), 'kit');
      const run = await runKeysweep(['plan', '--demo', ...NOW, '--out', out, '--scp-exempt-role', pattern]);
      expect(run.stderr).toEqual([
        `keysweep: --scp-exempt-role: "${pattern}" would exempt every role (the SCP would deny nothing); name the roles`,
      ]);
      expect(run.code).toBe(2);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a pattern that names roles is still taken', async () => {
    const out = join(await tempDir(), 'kit');
    const run = await runKeysweep([
      'plan',
      '--demo',
      ...NOW,
      '--out',
      out,
      '--scp-exempt-role',
      'Terraform*',
    ]);
    expect(run.code).toBe(0);
  });
});

describe('access --account', () => {
  it('naming no account: exit 2 (was an empty matrix and exit 0)', async () => {
    const run = await runKeysweep(['access', '--demo', '--account', 'prodution']);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([
      'keysweep: --account: "prodution" is neither the id nor the name of an account in this inventory (14 accounts)',
    ]);
    expect(run.code).toBe(2);
  });

  it('an account id or name of the inventory still filters', async () => {
    const run = await runKeysweep(['access', '--demo', '--account', '100000000002']);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n').split('\n').length).toBeGreaterThan(1);
  });
});

describe('merge', () => {
  it('--out equal to one of its inputs: exit 2, the input untouched', async () => {
    const part = await demoPart('a.json', () => undefined);
    const before = await readFile(part, 'utf8');
    const run = await runKeysweep(['merge', part, '--out', part]);
    expect(run.stderr).toEqual([
      `keysweep: --out: ${part} is also an input (${part}); write the merge to another file`,
    ]);
    expect(run.code).toBe(2);
    expect(await readFile(part, 'utf8')).toBe(before);
  });

  it('parts whose management accounts differ: exit 2 naming the field', async () => {
    const a = await demoPart('a.json', (s) => s.accounts.splice(7));
    const b = await demoPart('b.json', (s) => {
      s.accounts.splice(0, 7);
      s.organization.managementAccountId = '999999999999';
    });
    const out = join(await tempDir(), 'merged.json');
    const run = await runKeysweep(['merge', a, b, '--out', out]);
    expect(run.stderr).toEqual([
      `keysweep: ${b}: organization.managementAccountId: 999999999999 differs from ${a} (100000000001)`,
    ]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('parts collected days apart: merged, with a warning saying how far apart and which date it keeps', async () => {
    const a = await demoPart('a.json', (s) => s.accounts.splice(7));
    const b = await demoPart('b.json', (s) => {
      s.accounts.splice(0, 7);
      s.collectedAt = '2026-11-16T00:00:00.000Z';
    });
    const out = join(await tempDir(), 'merged.json');
    const run = await runKeysweep(['merge', a, b, '--out', out]);
    expect(run.stderr).toEqual([
      `keysweep: warning: merge: the snapshots were collected 96 hours apart (${b} at 2026-11-16T00:00:00.000Z, ${a} at 2026-11-20T00:00:00.000Z); the merged snapshot is dated 2026-11-16T00:00:00.000Z, the oldest`,
    ]);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('collect --accounts-only without --shard', () => {
  it('warns, before the crawl, that organization-wide data is left out', async () => {
    const dir = await tempDir();
    const run = await spawnKeysweep(['collect', '--accounts-only', '--out', 'snap.json'], {
      cwd: dir,
      env: noCredentialsEnv(dir),
    });
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(
      'keysweep: warning: --accounts-only without --shard: Identity Center and other organization-wide data are left out; merge this snapshot with one from `keysweep collect --org-only`',
    );
    // Then the crawl starts as before (here: no credentials, exit 2).
    expect(lines[1]).toMatch(/^keysweep: no AWS credentials found/);
  });
});
