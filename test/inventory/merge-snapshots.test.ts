import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anAccount, anIdentityCenter, aSnapshot } from '../../fixtures/builders/index.js';
import { failed } from '../../src/inventory/collection.js';
import { mergeSnapshots } from '../../src/inventory/merge-snapshots.js';
import { loadSnapshot, saveSnapshot } from '../../src/inventory/snapshot-file.js';
import { runKeysweep } from '../cli/run-cli.js';

const assignment = (accountId: string) => ({
  accountId,
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
  principalType: 'GROUP' as const,
  principalId: 'g-1',
});

describe('mergeSnapshots', () => {
  it('unions accounts and assignments of shards, keeping the oldest collection time', () => {
    const a = aSnapshot({
      accounts: [anAccount({ id: '111111111111' })],
      identityCenter: anIdentityCenter({ assignments: [assignment('111111111111')] }),
    });
    const b = aSnapshot({
      accounts: [anAccount({ id: '222222222222' })],
      identityCenter: anIdentityCenter({ assignments: [assignment('222222222222')] }),
    });
    b.collectedAt = '2026-10-01T00:00:00.000Z';
    const merged = mergeSnapshots([
      { file: 'a.json', snapshot: a },
      { file: 'b.json', snapshot: b },
    ]);
    expect(merged.accounts.map((x) => x.id)).toEqual(['111111111111', '222222222222']);
    expect(merged.collectedAt).toBe('2026-10-01T00:00:00.000Z');
    expect(merged.identityCenter.assignments).toEqual({
      status: 'ok',
      data: [assignment('111111111111'), assignment('222222222222')],
    });
  });

  it('prefers the copy of an account that was collected over one that failed', () => {
    const bad = anAccount({
      id: '111111111111',
      access: { status: 'failed', error: { code: 'AccessDenied', message: 'x' } },
    });
    const good = anAccount({ id: '111111111111', name: 'good' });
    const merged = mergeSnapshots([
      { file: 'a.json', snapshot: aSnapshot({ accounts: [bad] }) },
      { file: 'b.json', snapshot: aSnapshot({ accounts: [good] }) },
    ]);
    expect(merged.accounts.map((x) => x.name)).toEqual(['good']);
  });

  it('keeps an organization slice collected in any shard', () => {
    const a = aSnapshot();
    a.identityCenter.permissionSets = failed('AccessDenied', 'denied');
    const b = aSnapshot({ identityCenter: anIdentityCenter() });
    const merged = mergeSnapshots([
      { file: 'a.json', snapshot: a },
      { file: 'b.json', snapshot: b },
    ]);
    expect(merged.identityCenter.permissionSets.status).toBe('ok');
  });

  it('refuses shards of different organizations, naming the file', () => {
    const other = aSnapshot();
    other.organization.id = 'o-other';
    expect(() =>
      mergeSnapshots([
        { file: 'a.json', snapshot: aSnapshot() },
        { file: 'b.json', snapshot: other },
      ]),
    ).toThrow(/^b\.json: organization\.id: o-other differs from a\.json/);
  });

  it('keysweep merge writes a snapshot that loads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-merge-'));
    await saveSnapshot(join(dir, 'a.json'), aSnapshot({ accounts: [anAccount({ id: '111111111111' })] }));
    await saveSnapshot(join(dir, 'b.json'), aSnapshot({ accounts: [anAccount({ id: '222222222222' })] }));
    const run = await runKeysweep([
      'merge',
      join(dir, 'a.json'),
      join(dir, 'b.json'),
      '--out',
      join(dir, 'all.json'),
    ]);
    expect(run.code).toBe(0);
    expect((await loadSnapshot(join(dir, 'all.json'))).accounts).toHaveLength(2);
  });
});
