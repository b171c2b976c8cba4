import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shardOf } from '../../src/inventory/account-shard.js';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import {
  buildMotoOrganization,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { NO_FAULTS, startFaultProxy } from './support/fault-proxy.js';
import { runKeysweepProcess, spawnKeysweep } from './support/run-keysweep-process.js';

const endpoint = inject('motoEndpoint');
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();

interface ReportJson {
  scan: { accounts: Array<{ id: string; status: string }> };
  findings: Array<{
    ruleId: string;
    resourceArn: string;
    accountId: string;
    message: string;
    severity: string;
  }>;
}

/** What a scan concluded, in a form two scans can be compared by. */
const conclusions = (report: ReportJson) => ({
  accounts: report.scan.accounts.map((a) => `${a.id} ${a.status}`).sort(),
  findings: report.findings
    .map((f) => `${f.ruleId} ${f.accountId} ${f.resourceArn} ${f.severity} ${f.message}`)
    .sort(),
});
/** The role every crawl assumes (keysweep's default --role-name): each crawl moves its RoleLastUsed. */
const CRAWL_ROLE = 'OrganizationAccountAccessRole';

/** A snapshot without its crawl metadata and the crawl role's last use (both differ run to run). */
const inventoryOf = (snapshot: Snapshot) => {
  const { crawl: _crawl, ...rest } = snapshot;
  return {
    ...rest,
    accounts: rest.accounts.map((account) => {
      // The usage jobs' cost in seconds is the wall clock of that crawl: every other usage fact must match.
      const usage = account.iam.usage;
      const iam =
        usage.status === 'ok'
          ? {
              ...account.iam,
              usage: { ...usage, data: { ...usage.data, cost: { ...usage.data.cost, seconds: 0 } } },
            }
          : account.iam;
      const roles = iam.roles;
      if (roles.status !== 'ok') return { ...account, iam };
      const data = roles.data.map((role) =>
        role.roleName === CRAWL_ROLE ? { ...role, lastUsedDate: null, lastUsedRegion: null } : role,
      );
      return { ...account, iam: { ...iam, roles: { ...roles, data } } };
    }),
  };
};

describe.skipIf(endpoint === null)('sharded collection, merge, and resume after a kill', () => {
  const motoEndpoint = endpoint ?? '';
  let org: MotoOrganization;
  let dir: string;
  let full: Snapshot;
  let fullReport: ReportJson;
  const at = (name: string) => join(dir, name);
  const keysweep = async (args: string[], expectCode = 0) => {
    const run = await runKeysweepProcess(motoEndpoint, args);
    if (run.code !== expectCode)
      throw new Error(`keysweep ${args.join(' ')} exited ${run.code}:\n${run.stderr}`);
    return run;
  };
  const scanReport = async (snapshot: string, out: string) => {
    await keysweep(
      [
        'scan',
        '--snapshot',
        snapshot,
        '--now',
        NOW,
        '--out',
        at(out),
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      3,
    );
    return JSON.parse(await readFile(join(at(out), 'report.json'), 'utf8')) as ReportJson;
  };

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(motoEndpoint);
    dir = await mkdtemp(join(tmpdir(), 'keysweep-shards-'));
    await keysweep(['collect', '--out', at('full.json'), '--now', NOW, '--quiet']);
    full = await loadSnapshot(at('full.json'));
    fullReport = await scanReport(at('full.json'), 'report-full');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('collect --shard k/3 for k = 1..3, then merge, then scan --snapshot equals the unsharded scan', async () => {
    await Promise.all(
      [1, 2, 3].map((k) =>
        keysweep(['collect', '--shard', `${k}/3`, '--out', at(`shard-${k}.json`), '--now', NOW, '--quiet']),
      ),
    );
    const shards = await Promise.all([1, 2, 3].map((k) => loadSnapshot(at(`shard-${k}.json`))));
    // Each active account is crawled by exactly the shard its id hashes to; the others list it as skipped.
    const active = [MANAGEMENT_ACCOUNT, org.accounts.prod, org.accounts.dev, org.accounts.sandbox];
    for (const id of active) {
      const crawledIn = shards.flatMap((s, i) =>
        s.accounts.some((a) => a.id === id && a.access.status === 'ok') ? [i + 1] : [],
      );
      expect(crawledIn, id).toEqual([shardOf(id, 3)]);
    }
    // Identity Center is read once, by shard 1.
    expect(shards[0]?.identityCenter.permissionSets.status).toBe('ok');
    expect(shards[1]?.identityCenter.permissionSets).toEqual({
      status: 'not_collected',
      reason: 'collected by shard 1/3',
    });

    await keysweep([
      'merge',
      at('shard-2.json'),
      at('shard-3.json'),
      at('shard-1.json'),
      '--out',
      at('merged.json'),
    ]);
    const merged = await loadSnapshot(at('merged.json'));
    expect(merged.crawl?.mergedShards).toEqual({ count: 3, held: [1, 2, 3] });
    expect(inventoryOf(merged)).toEqual(inventoryOf(full));
    const mergedReport = await scanReport(at('merged.json'), 'report-merged');
    expect(conclusions(mergedReport).findings.length).toBeGreaterThan(5);
    expect(conclusions(mergedReport)).toEqual(conclusions(fullReport));
  });

  it('an --org-only job beside --accounts-only shards merges to the same inventory', async () => {
    await Promise.all([
      keysweep(['collect', '--org-only', '--out', at('org.json'), '--now', NOW, '--quiet']),
      ...[1, 2].map((k) =>
        keysweep([
          'collect',
          '--shard',
          `${k}/2`,
          '--accounts-only',
          '--out',
          at(`acc-${k}.json`),
          '--now',
          NOW,
          '--quiet',
        ]),
      ),
    ]);
    const shard1 = await loadSnapshot(at('acc-1.json'));
    expect(shard1.identityCenter.permissionSets.status).toBe('not_collected');
    await keysweep([
      'merge',
      at('acc-1.json'),
      at('org.json'),
      at('acc-2.json'),
      '--out',
      at('merged-org.json'),
    ]);
    expect(inventoryOf(await loadSnapshot(at('merged-org.json')))).toEqual(inventoryOf(full));
  });

  it('merge refuses a missing or an overlapping shard (exit 2, one line, nothing written)', async () => {
    const missing = await keysweep(
      ['merge', at('shard-1.json'), at('shard-3.json'), '--out', at('bad.json')],
      2,
    );
    expect(missing.keysweepLines).toEqual([
      'keysweep: merge: missing shard(s) 2/3: give the snapshot of every shard',
    ]);
    const twice = await keysweep(
      [
        'merge',
        at('shard-1.json'),
        at('shard-2.json'),
        at('shard-2.json'),
        at('shard-3.json'),
        '--out',
        at('bad.json'),
      ],
      2,
    );
    expect(twice.keysweepLines).toHaveLength(1);
    expect(twice.keysweepLines[0]).toMatch(
      /crawl\.shard: overlapping shards: .*shard-2\.json also holds shard 2\/3/,
    );
    expect(existsSync(at('bad.json'))).toBe(false);
  });

  it('a crawl killed half-way resumes without re-crawling finished accounts and equals an uninterrupted one', async () => {
    const out = at('resumed.json');
    const partial = `${out}.partial.jsonl`;
    // Slow every IAM call so the kill lands between accounts, with one account at a time.
    const slow = await startFaultProxy(motoEndpoint, { ...NO_FAULTS, iamDelayMs: 250 });
    const finishedLines = async () =>
      existsSync(partial)
        ? (await readFile(partial, 'utf8')).split('\n').filter((l) => l.trim()).length - 1
        : 0;
    try {
      const child = spawnKeysweep(slow.endpoint, [
        'collect',
        '--out',
        out,
        '--now',
        NOW,
        '--concurrency',
        '1',
        '--quiet',
      ]);
      const exited = new Promise((resolve) => child.on('close', resolve));
      const deadline = Date.now() + 60_000;
      while ((await finishedLines()) < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      child.kill('SIGKILL');
      await exited;
    } finally {
      await slow.close();
    }
    expect(existsSync(out)).toBe(false);
    const lines = (await readFile(partial, 'utf8')).split('\n').filter((l) => l.trim());
    const done = lines.slice(1).map((l) => (JSON.parse(l) as { account: { id: string } }).account.id);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(done.length).toBeLessThan(4);

    const proxy = await startFaultProxy(motoEndpoint, NO_FAULTS);
    try {
      const run = await runKeysweepProcess(proxy.endpoint, [
        'collect',
        '--out',
        out,
        '--now',
        NOW,
        '--resume',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.keysweepLines).toContain(
        `keysweep: note: resuming: ${done.length} account(s) already collected, ${4 - done.length} to go`,
      );
      for (const id of done) {
        if (id === MANAGEMENT_ACCOUNT) {
          expect(proxy.stats.forwarded).not.toContain('caller GenerateCredentialReport');
        } else {
          expect(proxy.stats.forwarded).not.toContain(`caller AssumeRole:${id}`);
          expect(proxy.stats.forwarded.filter((f) => f.startsWith(`${id} `))).toEqual([]);
        }
      }
    } finally {
      await proxy.close();
    }
    expect(existsSync(partial)).toBe(false);
    const resumed = await loadSnapshot(out);
    expect(inventoryOf(resumed)).toEqual(inventoryOf(full));
    expect(Object.keys(resumed.crawl?.accountDurationsMs ?? {}).sort()).toEqual(
      [MANAGEMENT_ACCOUNT, org.accounts.prod, org.accounts.dev, org.accounts.sandbox].sort(),
    );
  });
});
