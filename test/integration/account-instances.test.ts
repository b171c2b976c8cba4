import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import {
  buildMotoOrganization,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';

const endpoint = inject('motoEndpoint');
const REGION = 'us-east-1';
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();

/**
 * moto keeps one Identity Center instance per account and region, owned by that account (its per-account
 * ListInstances): seen with a member account's credentials, that is an account instance; the management
 * account's is the organization instance and must never be reported as one. moto lacks ListApplications:
 * the count is "not read", never zero.
 */
describe.skipIf(endpoint === null)('account instances of Identity Center against moto', () => {
  let org: MotoOrganization;
  let dir: string;
  let snapshot: Snapshot;
  const motoEndpoint = endpoint ?? '';

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(motoEndpoint);
    dir = await mkdtemp(join(tmpdir(), 'keysweep-account-instances-'));
    const run = await runKeysweepProcess(motoEndpoint, [
      'collect',
      '--no-usage',
      '--out',
      join(dir, 'snapshot.json'),
      '--now',
      NOW,
    ]);
    if (run.code !== 0) throw new Error(`collect failed (${run.code}):\n${run.stderr}`);
    snapshot = await loadSnapshot(join(dir, 'snapshot.json'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const slice = (id: string) => {
    const account = snapshot.accounts.find((a) => a.id === id);
    if (!account) throw new Error(`account ${id} missing`);
    return account.iam.identityCenterInstances;
  };

  it('the management account reports no account instance (its instance is the organization instance)', () => {
    expect(slice(MANAGEMENT_ACCOUNT)).toEqual({
      status: 'ok',
      data: { regionsSearched: [REGION], regionsSearchedUnknown: null, regionsNotRead: [], instances: [] },
    });
    expect(snapshot.identityCenter.instance.status).toBe('ok');
  });

  it('each member account reports the instance it owns, with its users counted and applications not read', () => {
    const orgInstance =
      snapshot.identityCenter.instance.status === 'ok'
        ? snapshot.identityCenter.instance.data?.instanceArn
        : null;
    for (const id of [org.accounts.prod, org.accounts.dev, org.accounts.sandbox]) {
      const got = slice(id);
      expect(got.status, id).toBe('ok');
      if (got.status !== 'ok') continue;
      // moto has no sso:ListRegions: the default search is the Identity Center region alone, and says so.
      expect(got.data.regionsSearched).toEqual([REGION]);
      expect(got.data.regionsNotRead).toEqual([]);
      expect(got.data.instances).toHaveLength(1);
      const [instance] = got.data.instances;
      expect(instance).toMatchObject({ ownerAccountId: id, users: 0, applications: null, region: REGION });
      expect(instance?.instanceArn).not.toBe(orgInstance);
      expect(instance?.unread.join(' ')).toMatch(/^applications: /);
    }
  });

  it('moto lacks sso:ListRegions: the regions are not collected (never a single-region answer)', () => {
    const regions = snapshot.identityCenter.regions;
    expect(regions.status).toBe('not_collected');
    expect(regions.status === 'not_collected' && regions.reason).toContain('ListRegions is not available');
  });

  it('moto lacks ABAC, ListApplications and ListTrustedTokenIssuers: not collected, never "none"', () => {
    const { accessControlAttributes, applications, trustedTokenIssuers } = snapshot.identityCenter;
    for (const [got, operation] of [
      [accessControlAttributes, 'DescribeInstanceAccessControlAttributeConfiguration'],
      [applications, 'ListApplications'],
      [trustedTokenIssuers, 'ListTrustedTokenIssuers'],
    ] as const) {
      expect(got.status, operation).toBe('not_collected');
      expect(got.status === 'not_collected' && got.reason).toContain(`${operation} is not available`);
    }
  });

  it('--instance-regions searches each named region with the account credentials', async () => {
    const file = join(dir, 'two-regions.json');
    const run = await runKeysweepProcess(motoEndpoint, [
      'collect',
      '--no-usage',
      '--accounts',
      org.accounts.sandbox,
      '--instance-regions',
      'eu-west-1,us-east-1',
      '--out',
      file,
      '--now',
      NOW,
    ]);
    if (run.code !== 0) throw new Error(`collect failed (${run.code}):\n${run.stderr}`);
    const account = (await loadSnapshot(file)).accounts.find((a) => a.id === org.accounts.sandbox);
    const got = account?.iam.identityCenterInstances;
    expect(got?.status).toBe('ok');
    if (got?.status !== 'ok') return;
    expect(got.data.regionsSearched).toEqual(['eu-west-1', 'us-east-1']);
    expect(got.data.regionsNotRead).toEqual([]);
    // Whatever moto holds per region, each instance carries the region it was listed in.
    for (const instance of got.data.instances) expect(['eu-west-1', 'us-east-1']).toContain(instance.region);
    expect(got.data.instances.some((i) => i.region === 'us-east-1')).toBe(true);
  });

  it('scan reports one finding per account instance, none for the management account', async () => {
    const out = join(dir, 'out');
    const run = await runKeysweepProcess(motoEndpoint, [
      'scan',
      '--snapshot',
      join(dir, 'snapshot.json'),
      '--format',
      'json',
      '--out',
      out,
      '--fail-on',
      'none',
      '--now',
      NOW,
    ]);
    // 3: moto's scan is incomplete elsewhere (the closed account, emulator gaps); reports are written.
    expect([0, 3], run.stderr).toContain(run.code);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      findings: Array<{ ruleId: string; accountId: string; message: string }>;
    };
    const found = report.findings.filter((f) => f.ruleId === 'sso-account-instance');
    expect(found.map((f) => f.accountId).sort()).toEqual(
      [org.accounts.prod, org.accounts.dev, org.accounts.sandbox].sort(),
    );
    expect(found[0]?.message).toContain('applications not read');
  });
});
