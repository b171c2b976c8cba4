import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anAccount, aSnapshot } from '../../fixtures/builders/index.js';
import { loadSnapshot, parseSnapshot, saveSnapshot } from '../../src/inventory/snapshot-file.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../../src/inventory/snapshot-schema.js';
import { InputError } from '../../src/io/input-error.js';

describe('snapshot file', () => {
  it('round-trips a valid snapshot through save and load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-snap-'));
    const file = join(dir, 'snap.json');
    const snapshot = aSnapshot({ accounts: [anAccount({ id: '222222222222' })] });
    await saveSnapshot(file, snapshot);
    expect(await loadSnapshot(file)).toEqual(snapshot);
  });

  it('names the file and the first bad field', () => {
    const snapshot = aSnapshot() as unknown as { accounts: Array<{ id: string }> };
    snapshot.accounts[0]!.id = '12';
    expect(() => parseSnapshot(snapshot, 'x.json')).toThrowError(
      new InputError('x.json: accounts.0.id: must be a 12-digit AWS account id'),
    );
  });

  it('rejects an unsupported schema version with its own message', () => {
    expect(() => parseSnapshot({ ...aSnapshot(), schemaVersion: 99 }, 's.json')).toThrow(
      /s\.json: schemaVersion: 99 is newer than this keysweep reads \(4\); upgrade keysweep/,
    );
  });

  it('rejects a slice with an unknown collection status', () => {
    const snapshot = aSnapshot() as unknown as { identityCenter: { instance: unknown } };
    snapshot.identityCenter.instance = { status: 'maybe' };
    expect(() => parseSnapshot(snapshot, 'f.json')).toThrow(/^f\.json: identityCenter\.instance\.status: /);
  });

  it('reports unreadable and non-JSON files as input errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-snap-'));
    await expect(loadSnapshot(join(dir, 'missing.json'))).rejects.toThrow(
      /missing\.json: cannot read file \(ENOENT\)/,
    );
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"schemaVersion": 1,');
    await expect(loadSnapshot(bad)).rejects.toThrow(/bad\.json: not valid JSON/);
  });

  it('writes snapshots atomically (no temp files left behind)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-snap-'));
    const file = join(dir, 'snap.json');
    await saveSnapshot(file, aSnapshot());
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['snap.json']);
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
  });
});
