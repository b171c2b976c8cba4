import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import {
  buildMotoOrganization,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { buildMotoRoles, GITHUB, VENDOR_ACCOUNT } from './support/build-moto-roles.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';

const endpoint = inject('motoEndpoint');
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();

interface Finding {
  ruleId: string;
  resourceArn: string;
  subject?: string;
  message: string;
}

describe.skipIf(endpoint === null)('roles, identity providers and the access matrix against moto', () => {
  let org: MotoOrganization;
  let dir: string;
  let snapshot: Snapshot;
  let findings: Finding[];
  let collectLines: string[];
  const motoEndpoint = endpoint ?? '';
  const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(motoEndpoint);
    await buildMotoRoles(motoEndpoint, org);
    dir = await mkdtemp(join(tmpdir(), 'keysweep-roles-'));
    const file = join(dir, 'snapshot.json');
    // The inventory's call counts are measured here; the usage jobs' in usage-evidence.test.ts.
    const collect = await runKeysweepProcess(motoEndpoint, [
      'collect',
      '--no-usage',
      '--out',
      file,
      '--now',
      NOW,
    ]);
    if (collect.code !== 0) throw new Error(`collect failed (${collect.code}):\n${collect.stderr}`);
    collectLines = collect.keysweepLines;
    snapshot = await loadSnapshot(file);
    const out = join(dir, 'report');
    const scan = await runKeysweepProcess(motoEndpoint, [
      'scan',
      '--snapshot',
      file,
      '--out',
      out,
      '--format',
      'json',
      '--now',
      NOW,
      '--fail-on',
      'none',
    ]);
    if (scan.code === 2 || scan.code === null) throw new Error(`scan failed:\n${scan.stderr}`);
    findings = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')).findings;
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('collects roles (trust policy, policies) and SAML/OIDC providers through the real SDK', () => {
    const prod = snapshot.accounts.find((a) => a.id === org.accounts.prod)!;
    if (prod.iam.roles.status !== 'ok') throw new Error(JSON.stringify(prod.iam.roles));
    const hub = prod.iam.roles.data.find((r) => r.roleName === 'hub-admin');
    expect(hub).toMatchObject({
      arn: roleArn(org.accounts.prod, 'hub-admin'),
      attachedPolicies: [
        { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      ],
      trustPolicy: { Statement: [{ Principal: { AWS: `arn:aws:iam::${org.accounts.dev}:root` } }] },
    });
    expect(prod.iam.identityProviders).toMatchObject({
      status: 'ok',
      data: { saml: [], oidc: [{ url: GITHUB, clientIds: ['sts.amazonaws.com'] }] },
    });
    const sandbox = snapshot.accounts.find((a) => a.id === org.accounts.sandbox)!;
    expect(sandbox.iam.identityProviders).toMatchObject({
      status: 'ok',
      data: { saml: [{ name: 'Okta' }], oidc: [] },
    });
  });

  it('measured calls per account: 8 + AssumeRole + one per user with keys + one per OIDC provider + two per user', () => {
    const calls = Object.fromEntries(
      collectLines
        .map((line) => /\] (\d{12}) \(.*\) (?:complete|partial) — (\d+) IAM\/STS calls/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], Number(m[2])]),
    );
    // Two per user: ListSSHPublicKeys and ListServiceSpecificCredentials (users: management 2, prod 2, dev 1, sandbox 1).
    expect(calls).toEqual({
      [MANAGEMENT_ACCOUNT]: 8 + 2 * 2,
      [org.accounts.sandbox]: 9 + 2 * 1,
      [org.accounts.dev]: 9 + 1 + 2 * 1,
      [org.accounts.prod]: 9 + 2 + 1 + 2 * 2,
    });
  });

  it('the role rules fire on the roles built for them, and never on Identity Center roles', () => {
    const { prod, dev, sandbox } = org.accounts;
    const on = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
    expect(on('iam-role-oidc-trust-without-subject').map((f) => f.resourceArn)).toEqual([
      roleArn(prod, 'gha-deploy'),
    ]);
    expect(on('iam-role-external-trust-without-external-id').map((f) => [f.resourceArn, f.subject])).toEqual([
      [roleArn(prod, 'vendor-audit'), VENDOR_ACCOUNT],
    ]);
    expect(on('iam-saml-direct-federation').map((f) => f.resourceArn)).toEqual([
      `arn:aws:iam::${sandbox}:saml-provider/Okta`,
    ]);
    const hub = on('iam-user-assumes-cross-account-roles');
    expect(hub.map((f) => f.resourceArn)).toEqual([`arn:aws:iam::${dev}:user/bob`]);
    expect(hub[0]!.message).toContain(`${prod}/hub-admin`);
    expect(on('iam-role-unused').map((f) => f.resourceArn)).toContain(roleArn(prod, 'hub-admin'));
    expect(findings.filter((f) => f.resourceArn.includes('AWSReservedSSO_'))).toEqual([]);
  });

  it('keysweep access lists the cross-account, SAML, OIDC and Identity Center rows (groups expanded)', async () => {
    const run = await runKeysweepProcess(motoEndpoint, [
      'access',
      '--snapshot',
      join(dir, 'snapshot.json'),
      '--format',
      'csv',
    ]);
    // 3: moto lacks ListApplications and ListServiceSpecificCredentials (issue 24), so application access and
    // the users' service-specific credentials are unknown; nothing else is.
    expect(run.code, run.stderr).toBe(3);
    const gaps = String(run.stderr)
      .split('\n')
      .filter((line) => line.startsWith('keysweep: access unknown'))
      .map((line) => line.split(': ')[2]);
    expect(new Set(gaps)).toEqual(new Set(['sso.applications', 'iam.serviceCredentials']));
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    const { prod, dev, sandbox } = org.accounts;
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: 'bob',
        accountId: prod,
        path: 'cross-account-role',
        via: `arn:aws:iam::${dev}:user/bob → ${roleArn(prod, 'hub-admin')}`,
        adminEquivalent: 'true',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: 'Okta (SAML)',
        accountId: sandbox,
        path: 'saml-role',
        adminEquivalent: 'true',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ principal: `${GITHUB} (any subject)`, accountId: prod, path: 'oidc-role' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: `${GITHUB} repo:example-corp/web:ref:refs/heads/main`,
        accountId: prod,
        path: 'oidc-role',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: 'carol',
        accountId: prod,
        path: 'identity-center',
        via: 'group platform-admins',
        permission: 'AdminAccess',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: 'carol',
        accountId: dev,
        path: 'identity-center',
        via: 'direct assignment',
        permission: 'ReadOnly',
      }),
    );
    expect(rows.some((r) => (r.via ?? '').includes('AWSReservedSSO_'))).toBe(false);
  });
});
