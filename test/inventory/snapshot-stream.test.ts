import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anAccount, aSnapshot } from '../../fixtures/builders/index.js';
import { DEMO_SNAPSHOT_PATH } from '../../src/demo/demo-snapshot.js';
import { loadSnapshot, parseSnapshot, saveSnapshot } from '../../src/inventory/snapshot-file.js';
import { snapshotChunks } from '../../src/inventory/streaming/write-snapshot-stream.js';
import { InputError } from '../../src/io/input-error.js';
import { runKeysweep } from '../cli/run-cli.js';

async function tempFile(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-stream-')), 'snapshot.json');
  await writeFile(path, content);
  return path;
}

const threeAccounts = () =>
  aSnapshot({ accounts: ['111111111111', '222222222222', '333333333333'].map((id) => anAccount({ id })) });

describe('snapshot written as a stream', () => {
  it('prints exactly what JSON.stringify(snapshot, null, 2) printed, in chunks of a few accounts', async () => {
    const demo = parseSnapshot(JSON.parse(await readFile(DEMO_SNAPSHOT_PATH, 'utf8')), 'demo');
    const chunks = [...snapshotChunks(demo, demo.accounts)];
    expect(chunks.join('')).toBe(`${JSON.stringify(demo, null, 2)}\n`);
    expect(chunks.length).toBeGreaterThan(1);
    const empty = { ...demo, accounts: [] };
    expect([...snapshotChunks(empty, [])].join('')).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });

  it('refuses an invalid account before it reaches the file, and leaves no file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-stream-'));
    const snapshot = threeAccounts();
    (snapshot.accounts[2] as { id: string }).id = 'bad';
    await expect(saveSnapshot(join(dir, 's.json'), snapshot)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('snapshot read as a stream', () => {
  it('reads the demo as parsing the whole file did (values and key order)', async () => {
    const whole = parseSnapshot(JSON.parse(await readFile(DEMO_SNAPSHOT_PATH, 'utf8')), 'demo');
    const streamed = await loadSnapshot(DEMO_SNAPSHOT_PATH);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole));
  });

  it('reads a compact (one-line) snapshot too', async () => {
    const snapshot = threeAccounts();
    expect(await loadSnapshot(await tempFile(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it.each([
    [
      'a bad field in the third account',
      (s: Record<string, unknown> & { accounts: Array<Record<string, unknown>> }) => {
        s.accounts[2]!.id = '12';
      },
      'snapshot.json: accounts.2.id: must be a 12-digit AWS account id',
    ],
    [
      'a bad header field before the accounts, even with a bad account',
      (s: Record<string, unknown> & { accounts: Array<Record<string, unknown>> }) => {
        s.collectedAt = 'yesterday';
        s.accounts[0]!.id = '12';
      },
      /\/snapshot\.json: collectedAt: /,
    ],
    [
      'a bad identityCenter (after the accounts in schema order)',
      (s: Record<string, unknown>) => {
        s.identityCenter = { instance: { status: 'maybe' } };
      },
      /\/snapshot\.json: identityCenter\.instance\.status: /,
    ],
    [
      'no accounts at all',
      (s: Record<string, unknown>) => {
        delete s.accounts;
      },
      /\/snapshot\.json: accounts: /,
    ],
    [
      'accounts that are not a list',
      (s: Record<string, unknown>) => {
        s.accounts = { id: '111111111111' };
      },
      /\/snapshot\.json: accounts: /,
    ],
    [
      'a newer schema version',
      (s: Record<string, unknown> & { accounts: Array<Record<string, unknown>> }) => {
        s.schemaVersion = 99;
        s.accounts[0]!.id = '12';
      },
      /\/snapshot\.json: schemaVersion: 99 is newer than this keysweep reads/,
    ],
  ])('names the file and field for %s', async (_name, spoil, message) => {
    const snapshot = JSON.parse(JSON.stringify(threeAccounts()));
    spoil(snapshot);
    const error = await loadSnapshot(await tempFile(JSON.stringify(snapshot, null, 2))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it('reports a truncated snapshot as not valid JSON', async () => {
    const text = JSON.stringify(threeAccounts(), null, 2);
    await expect(loadSnapshot(await tempFile(text.slice(0, text.length / 2)))).rejects.toThrow(
      /snapshot\.json: not valid JSON: unexpected end of file/,
    );
  });

  it('exits 2 with one line for scan --snapshot of a truncated file, writing nothing', async () => {
    const text = JSON.stringify(threeAccounts(), null, 2);
    const file = await tempFile(text.slice(0, text.length - 10));
    const out = join(await mkdtemp(join(tmpdir(), 'ks-stream-out-')), 'reports');
    const result = await runKeysweep(['scan', '--snapshot', file, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(/snapshot\.json: not valid JSON/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a sharded synthetic organization round-trips: save, merge, scan --snapshot (test-sized)', () => {
  it('finds in the merged file what it finds in the whole organization', async () => {
    const { syntheticOrganization } = await import('../../bench/synthetic-organization.js');
    const dir = await mkdtemp(join(tmpdir(), 'ks-roundtrip-'));
    const whole = syntheticOrganization(6, 40);
    await saveSnapshot(join(dir, 'whole.json'), whole);
    await saveSnapshot(join(dir, 'a.json'), { ...whole, accounts: whole.accounts.slice(0, 4) });
    await saveSnapshot(join(dir, 'b.json'), { ...whole, accounts: whole.accounts.slice(2) });
    const merge = await runKeysweep([
      'merge',
      join(dir, 'a.json'),
      join(dir, 'b.json'),
      '--out',
      join(dir, 'm.json'),
    ]);
    expect(merge.code).toBe(0);
    expect(await loadSnapshot(join(dir, 'm.json'))).toEqual(await loadSnapshot(join(dir, 'whole.json')));

    const scanArgs = (file: string, out: string) => [
      'scan',
      '--snapshot',
      join(dir, file),
      '--now',
      '2026-12-01T00:00:00Z',
      '--format',
      'json',
      '--fail-on',
      'none',
      '--quiet',
      '--out',
      join(dir, out),
    ];
    expect((await runKeysweep(scanArgs('whole.json', 'r1'))).code).toBe(0);
    expect((await runKeysweep(scanArgs('m.json', 'r2'))).code).toBe(0);
    const findings = async (out: string) =>
      JSON.parse(await readFile(join(dir, out, 'report.json'), 'utf8')).findings as unknown[];
    const merged = await findings('r2');
    expect(merged.length).toBeGreaterThan(100);
    expect(merged).toEqual(await findings('r1'));
  });
});
