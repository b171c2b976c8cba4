import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anAccount, anIamSlice, aSnapshot, aUser } from '../../fixtures/builders/index.js';
import { DEMO_SNAPSHOT_PATH } from '../../src/demo/demo-snapshot.js';
import { loadSnapshot, wholeReadLimit } from '../../src/inventory/snapshot-file.js';
import { readSnapshotStream } from '../../src/inventory/streaming/read-snapshot-stream.js';
import { readSnapshotWhole } from '../../src/inventory/streaming/read-snapshot-whole.js';
import { LARGE_SNAPSHOT_BYTES } from '../../src/io/large-snapshot.js';

const ANY_SIZE = Number.POSITIVE_INFINITY;

async function tempFile(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'ks-whole-')), 'snapshot.json');
  await writeFile(path, content);
  return path;
}

/** The same value, with the same own keys (an absent `crawl` is an own key set to undefined) in the same order. */
function sameSnapshot(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameSnapshot(item, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Reflect.ownKeys(a);
    const kb = Reflect.ownKeys(b);
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    return ka.every((k) =>
      sameSnapshot((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]),
    );
  }
  return Object.is(a, b);
}

async function streamed(file: string): Promise<{ snapshot?: unknown; error?: string }> {
  try {
    return { snapshot: await readSnapshotStream(file) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const spoils: Array<
  [string, (s: Record<string, unknown> & { accounts: Array<Record<string, unknown>> }) => void]
> = [
  ['nothing', () => undefined],
  ['an unknown account key (stripped)', (s) => Object.assign(s.accounts[0]!, { extra: 1 })],
  [
    'account keys out of schema order',
    (s) => {
      const { id, ...rest } = s.accounts[1]!;
      s.accounts[1] = { ...rest, id };
    },
  ],
  ['a bad account id', (s) => Object.assign(s.accounts[2]!, { id: '12' })],
  ['a bad header field', (s) => Object.assign(s, { collectedAt: 'yesterday' })],
  ['a bad identityCenter', (s) => Object.assign(s, { identityCenter: { instance: { status: 'maybe' } } })],
  ['an account listed twice', (s) => s.accounts.push(s.accounts[0]!)],
  ['no accounts', (s) => delete (s as Record<string, unknown>).accounts],
  ['accounts not a list', (s) => Object.assign(s, { accounts: { id: '111111111111' } })],
  ['an older version (upgraded)', (s) => Object.assign(s, { schemaVersion: 3 })],
  ['a newer version', (s) => Object.assign(s, { schemaVersion: 99 })],
  ['no version', (s) => delete (s as Record<string, unknown>).schemaVersion],
  ['an unknown top-level key', (s) => Object.assign(s, { notes: 'x' })],
  ['a crawl record', (s) => Object.assign(s, { crawl: { organizationOnly: false } })],
  ['names beyond ASCII', (s) => Object.assign(s.accounts[0]!, { name: 'Zoë’s 账户 \u{1F511}' })],
  [
    'a policy statement without Effect, beside a key of its own',
    (s) => {
      const iam = s.accounts[1]!.iam as { users: { data: unknown[] } };
      iam.users.data.push(
        aUser({
          accountId: '222222222222',
          inlinePolicies: [{ policyName: 'p', document: { Statement: [{ Note: 'no effect' }] } as never }],
        }),
      );
    },
  ],
];

describe('snapshot read whole (one JSON.parse)', () => {
  it('reads the demo exactly as the streamed reader does', async () => {
    const whole = await readSnapshotWhole(DEMO_SNAPSHOT_PATH, ANY_SIZE);
    expect(whole).toBeDefined();
    expect(sameSnapshot(whole, await readSnapshotStream(DEMO_SNAPSHOT_PATH))).toBe(true);
  });

  it('gives the streamed reader’s snapshot, or leaves the file to it (and its error), for spoiled snapshots in any layout (fast-check)', async () => {
    const base = aSnapshot({
      accounts: ['111111111111', '222222222222', '333333333333'].map((id) => anAccount({ id })),
    });
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...spoils),
        fc.constantFrom(0, 1, 2, '\t'),
        async ([_name, spoil], indent) => {
          const snapshot = JSON.parse(JSON.stringify(base));
          spoil(snapshot);
          const file = await tempFile(JSON.stringify(snapshot, null, indent));
          const whole = await readSnapshotWhole(file, ANY_SIZE);
          const stream = await streamed(file);
          if (stream.error !== undefined) {
            expect(whole).toBeUndefined();
            await expect(loadSnapshot(file)).rejects.toThrow(stream.error);
            outcomes.add('refused');
          } else {
            expect(whole).toBeDefined();
            expect(sameSnapshot(whole, stream.snapshot)).toBe(true);
            expect(sameSnapshot(await loadSnapshot(file), stream.snapshot)).toBe(true);
            outcomes.add('read');
          }
        },
      ),
      { numRuns: 60 },
    );
    expect([...outcomes].sort()).toEqual(['read', 'refused']);
  });

  it('leaves to the streamed reader what it would frame differently or cannot read whole', async () => {
    const text = JSON.stringify(aSnapshot(), null, 2);
    const small = await tempFile(text);
    expect(await readSnapshotWhole(small, ANY_SIZE)).toBeDefined();
    expect(await readSnapshotWhole(small, text.length)).toBeUndefined(); // the large-snapshot size
    // Two top-level accounts arrays: the framer reads the first, JSON.parse would keep the last.
    const twice = await tempFile(text.replace(/\n}$/, ',\n  "accounts": []\n}'));
    expect(await readSnapshotWhole(twice, ANY_SIZE)).toBeUndefined();
    expect((await loadSnapshot(twice)).accounts).toHaveLength(1);
    expect(await readSnapshotWhole(await tempFile(`\uFEFF${text}`), ANY_SIZE)).toBeUndefined();
    expect(await readSnapshotWhole(await tempFile(text.slice(0, -5)), ANY_SIZE)).toBeUndefined();
    expect(await readSnapshotWhole(join(tmpdir(), 'ks-no-such-snapshot.json'), ANY_SIZE)).toBeUndefined();
  });
});

describe('snapshot read, either way', () => {
  it('refuses a policy statement without Effect in the words zod uses', async () => {
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [
              aUser({
                inlinePolicies: [{ policyName: 'p', document: { Statement: [{ Note: 'x' }] } as never }],
              }),
            ],
          }),
        }),
      ],
    });
    const file = await tempFile(JSON.stringify(snapshot, null, 2));
    const message =
      /snapshot\.json: accounts\.0\.iam\.users\.data\.0\.inlinePolicies\.0\.document\.Statement/;
    await expect(readSnapshotStream(file)).rejects.toThrow(message);
    await expect(loadSnapshot(file)).rejects.toThrow(message);
  });
});

describe('which snapshots are read whole', () => {
  it('those below the large-snapshot size, and below what leaves this heap room for the text', () => {
    const MiB = 2 ** 20;
    expect(wholeReadLimit(4096 * MiB)).toBe(LARGE_SNAPSHOT_BYTES);
    expect(wholeReadLimit(500 * MiB)).toBe(200 * MiB);
  });
});
