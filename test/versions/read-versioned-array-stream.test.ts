import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import {
  peekLeadingVersion,
  readVersionedArrayStream,
} from '../../src/inventory/versions/read-versioned-array-stream.js';
import type { VersionChain } from '../../src/inventory/versions/upgrade-chain.js';
import { InputError } from '../../src/io/input-error.js';

/** Version 1 had `name` on each item, version 2 (current) `title`. */
const chain: VersionChain = {
  kind: 'widget',
  first: 1,
  current: 2,
  upgrades: { 1: (doc) => ({ ...doc, schemaVersion: 2 }) },
  looksLike: (doc) => 'items' in doc,
};

async function file(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-versioned-')), 'f.json');
  await writeFile(path, text);
  return path;
}

async function read(text: string) {
  const seen: unknown[] = [];
  const result = await readVersionedArrayStream(await file(text), 'items', chain, (v) => seen.push(v));
  return { ...result, seen };
}

describe('readVersionedArrayStream', () => {
  it('streams the items of a current-version file to the callback, the document left without them', async () => {
    const r = await read(
      '{\n  "schemaVersion": 2,\n  "items": [{"title": "a"}, {"title": "b"}],\n  "x": 1\n}',
    );
    expect(r.streamed).toBe(true);
    expect(r.seen).toEqual([{ title: 'a' }, { title: 'b' }]);
    expect(r.document).toEqual({ schemaVersion: 2, items: [], x: 1 });
  });

  it('keeps the raw items of an older file in the document, for the upgrade chain', async () => {
    const r = await read('{"schemaVersion": 1, "items": [{"name": "a"}], "x": 1}');
    expect(r.streamed).toBe(false);
    expect(r.seen).toEqual([]);
    expect(r.document).toEqual({ schemaVersion: 1, items: [{ name: 'a' }], x: 1 });
  });

  it('reads the whole document when the version is not the first key (decided after reading)', async () => {
    const r = await read('{"items": [{"title": "a"}], "schemaVersion": 2}');
    expect(r.streamed).toBe(false);
    expect(r.document).toEqual({ items: [{ title: 'a' }], schemaVersion: 2 });
  });

  it('refuses a newer file at its first item, before reading the rest', async () => {
    // What follows the first item is not JSON: the refusal comes before the reader gets there.
    const error = await read('{"schemaVersion": 3, "items": [{"title": "a"}, nonsense').catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /f\.json: schemaVersion: 3 is newer than this keysweep reads \(2\)/,
    );
  });

  it('peeks only a leading integer schemaVersion', async () => {
    expect(await peekLeadingVersion(await file('\uFEFF {\n  "schemaVersion": 12,'))).toBe(12);
    expect(await peekLeadingVersion(await file('{"a": {"schemaVersion": 1}}'))).toBeUndefined();
    expect(await peekLeadingVersion(await file('{"schemaVersion": "1"}'))).toBeUndefined();
    expect(await peekLeadingVersion(join(tmpdir(), 'ks-no-such-file.json'))).toBeUndefined();
  });
});

describe('loadSnapshot on files that are not current keysweep snapshots', () => {
  it('says "not a keysweep snapshot" for a report.json, whose leading version is a report version', async () => {
    const report = await file('{\n  "schemaVersion": 2,\n  "scan": {},\n  "findings": []\n}');
    await expect(loadSnapshot(report)).rejects.toThrow(
      /not a keysweep snapshot: .*looks like a keysweep report/,
    );
  });

  it('refuses a newer snapshot whose schemaVersion comes after the accounts', async () => {
    const newer = await file('{"accounts": [], "organization": {}, "schemaVersion": 99}');
    await expect(loadSnapshot(newer)).rejects.toThrow(/schemaVersion: 99 is newer than this keysweep reads/);
  });
});
