import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anAccount } from '../../../fixtures/builders/index.js';
import {
  type CheckpointIdentity,
  openCrawlCheckpoint,
} from '../../../src/collectors/checkpoint/crawl-checkpoint.js';

const identity: CheckpointIdentity = {
  organizationId: 'o-abc',
  roleName: 'OrganizationAccountAccessRole',
  onlyAccounts: [],
  excludeAccounts: [],
  onlyOus: [],
};

describe('crawl checkpoint side file', () => {
  it('records finished accounts one line each and reads them back on resume, ignoring a torn last line', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'keysweep-ckpt-')), 'snap.json.partial.jsonl');
    const first = await openCrawlCheckpoint(file, identity, false);
    expect(first.finished.size).toBe(0);
    await Promise.all([
      first.record({ account: anAccount({ id: '111111111111' }), durationMs: 1200 }),
      first.record({ account: anAccount({ id: '222222222222' }), durationMs: 900 }),
    ]);
    await appendFile(file, '{"account":{"id":"3333'); // killed mid-write
    const resumed = await openCrawlCheckpoint(file, identity, true);
    expect([...resumed.finished.keys()].sort()).toEqual(['111111111111', '222222222222']);
    expect(resumed.finished.get('111111111111')?.durationMs).toBe(1200);
    await resumed.record({ account: anAccount({ id: '444444444444' }), durationMs: 5 });
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    await resumed.discard();
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('a new crawl without --resume starts the file afresh', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'keysweep-ckpt-')), 'snap.json.partial.jsonl');
    await (await openCrawlCheckpoint(file, identity, false)).record({
      account: anAccount({ id: '111111111111' }),
      durationMs: 1,
    });
    expect((await openCrawlCheckpoint(file, identity, false)).finished.size).toBe(0);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('refuses to resume a crawl of another organization or with other flags', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'keysweep-ckpt-')), 'snap.json.partial.jsonl');
    await openCrawlCheckpoint(file, identity, false);
    await expect(openCrawlCheckpoint(file, { ...identity, organizationId: 'o-other' }, true)).rejects.toThrow(
      /organizationId: o-abc is not this organization \(o-other\)/,
    );
    await expect(
      openCrawlCheckpoint(file, { ...identity, shard: { index: 1, count: 2 } }, true),
    ).rejects.toThrow(/scope: written for ".*shard=all.*", this run asks for ".*shard=1\/2/);
  });
});
