import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import type { Account, Snapshot } from '../../src/inventory/snapshot-schema.js';
import {
  buildMotoOrganization,
  MANAGEMENT_ACCOUNT,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';

const endpoint = inject('motoEndpoint');
// Keys made "now" in moto are ~190 days old at this clock: old enough for iam-access-key-max-age (90).
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();

interface ReportJson {
  scan: {
    complete: boolean;
    organizationGaps: string[];
    accounts: Array<{ id: string; status: string; error?: string }>;
  };
  findings: Array<{ ruleId: string; resourceArn: string; accountId: string }>;
  rules: Array<{ id: string }>;
  notEvaluated: Array<{ ruleId: string; accountId: string | null; reason: string; unknown?: boolean }>;
}

describe.skipIf(endpoint === null)('live scan against moto (real SDK, AWS_ENDPOINT_URL)', () => {
  let org: MotoOrganization;
  let dir: string;
  let snapshot: Snapshot;
  let collectRun: Awaited<ReturnType<typeof runKeysweepProcess>>;
  const motoEndpoint = endpoint ?? '';
  const userArn = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
  const accountById = (id: string): Account => {
    const found = snapshot.accounts.find((a) => a.id === id);
    if (!found) throw new Error(`account ${id} missing`);
    return found;
  };
  const usersOf = (id: string) => {
    const users = accountById(id).iam.users;
    if (users.status !== 'ok') throw new Error(`users of ${id}: ${JSON.stringify(users)}`);
    return users.data;
  };

  beforeAll(async () => {
    await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
    org = await buildMotoOrganization(motoEndpoint);
    dir = await mkdtemp(join(tmpdir(), 'keysweep-live-'));
    collectRun = await runKeysweepProcess(motoEndpoint, [
      'collect',
      // The inventory's call counts are measured here; the usage jobs' in usage-evidence.test.ts.
      '--no-usage',
      '--out',
      join(dir, 'snapshot.json'),
      '--now',
      NOW,
    ]);
    if (collectRun.code !== 0) throw new Error(`collect failed (${collectRun.code}):\n${collectRun.stderr}`);
    snapshot = await loadSnapshot(join(dir, 'snapshot.json'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('collects the organization, its OU tree and every account', () => {
    expect(snapshot.source.kind).toBe('live');
    expect(snapshot.organization).toMatchObject({
      id: org.organizationId,
      managementAccountId: MANAGEMENT_ACCOUNT,
      featureSet: 'ALL',
    });
    expect(
      [...snapshot.organization.organizationalUnits].sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { id: org.ous.prod, name: 'Prod', parentId: org.ous.workloads },
      { id: org.ous.sandbox, name: 'Sandbox', parentId: null },
      { id: org.ous.workloads, name: 'Workloads', parentId: null },
    ]);
    const { prod, dev, sandbox, closed } = org.accounts;
    const expected = [
      [MANAGEMENT_ACCOUNT, 'ACTIVE', '', { status: 'ok', via: 'caller' }],
      [prod, 'ACTIVE', 'Workloads/Prod', { status: 'ok', via: 'assume-role' }],
      [dev, 'ACTIVE', 'Workloads', { status: 'ok', via: 'assume-role' }],
      [sandbox, 'ACTIVE', 'Sandbox', { status: 'ok', via: 'assume-role' }],
      [closed, 'SUSPENDED', 'Sandbox', { status: 'skipped', reason: 'account status is SUSPENDED' }],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(snapshot.accounts.map((a) => [a.id, a.status, a.ouPath.join('/'), a.access])).toEqual(expected);
  });

  it('reads each account’s IAM users with their credentials, through the assumed role', () => {
    const summary = (id: string) =>
      usersOf(id).map((u) => ({
        name: u.userName,
        password: u.passwordEnabled,
        mfa: u.mfaDevices.map((d) => d.kind),
        keys: u.accessKeys.map((k) => k.status),
        groups: u.groups,
      }));
    expect(summary(MANAGEMENT_ACCOUNT)).toEqual([
      { name: 'alice', password: true, mfa: [], keys: [], groups: [] },
      { name: 'auditor', password: true, mfa: ['virtual'], keys: [], groups: [] },
    ]);
    expect(summary(org.accounts.prod)).toEqual([
      { name: 'ci-deployer', password: false, mfa: [], keys: ['Active'], groups: [] },
      { name: 'old-bot', password: false, mfa: [], keys: ['Inactive'], groups: [] },
    ]);
    expect(summary(org.accounts.dev)).toEqual([
      { name: 'bob', password: true, mfa: [], keys: ['Active'], groups: ['Developers'] },
    ]);
    expect(summary(org.accounts.sandbox)).toEqual([
      { name: 'service-reader', password: false, mfa: [], keys: [], groups: [] },
    ]);
    for (const user of usersOf(org.accounts.prod))
      expect(user.arn).toBe(userArn(org.accounts.prod, user.userName));
    const dev = accountById(org.accounts.dev).iam;
    expect(
      dev.groups.status === 'ok' &&
        dev.groups.data.map((g) => [g.groupName, g.attachedPolicies.map((p) => p.policyName)]),
    ).toEqual([['Developers', ['PowerUserAccess']]]);
    expect(
      dev.policies.status === 'ok' &&
        dev.policies.data.map((p) => [p.policyName, p.awsManaged, p.attachmentCount]),
    ).toEqual([['PowerUserAccess', true, 1]]);
    for (const account of snapshot.accounts.filter((a) => a.access.status === 'ok')) {
      expect(account.iam.passwordPolicy, account.id).toEqual({ status: 'ok', data: null });
      // moto writes no root row; the summary (no root keys) stands in, the password stays unknown.
      expect(account.iam.root, account.id).toEqual({
        status: 'ok',
        data: {
          arn: `arn:aws:iam::${account.id}:root`,
          passwordEnabled: null,
          passwordLastUsed: null,
          passwordLastChanged: null,
          accessKeys: [],
          signingCertificatesActive: false,
          mfaActive: false,
          mfaKind: 'none',
          reportRow: false,
        },
      });
    }
  });

  it('reads Identity Center: permission sets, assignments where provisioned, the identity store', () => {
    const ic = snapshot.identityCenter;
    expect(ic.instance).toMatchObject({
      status: 'ok',
      data: { homeRegion: 'us-east-1', ownerAccountId: MANAGEMENT_ACCOUNT },
    });
    expect(
      ic.permissionSets.status === 'ok' &&
        ic.permissionSets.data.map((p) => [p.name, p.sessionDuration, p.managedPolicies.map((m) => m.name)]),
    ).toEqual([
      ['AdminAccess', 'PT12H', ['AdministratorAccess']],
      ['ReadOnly', 'PT1H', ['ReadOnlyAccess']],
    ]);
    if (ic.identityStore.status !== 'ok') throw new Error(JSON.stringify(ic.identityStore));
    const carol = ic.identityStore.data.users.find((u) => u.userName === 'carol');
    const admins = ic.identityStore.data.groups.find((g) => g.displayName === 'platform-admins');
    expect(carol).toMatchObject({ displayName: 'Carol Jones', emails: ['carol@example.com'] });
    expect(ic.identityStore.data.memberships).toEqual([{ groupId: admins?.groupId, userId: carol?.userId }]);
    expect(ic.assignments).toEqual({
      status: 'ok',
      data: expect.arrayContaining([
        {
          accountId: org.accounts.prod,
          permissionSetArn: org.permissionSets.admin,
          principalType: 'GROUP',
          principalId: admins?.groupId,
        },
        {
          accountId: org.accounts.dev,
          permissionSetArn: org.permissionSets.readOnly,
          principalType: 'USER',
          principalId: carol?.userId,
        },
      ]),
    });
    expect(ic.assignments.status === 'ok' && ic.assignments.data).toHaveLength(2);
    // moto ignores the ProvisioningStatus filter: recorded as a gap, never guessed.
    expect(ic.provisioning).toMatchObject({
      status: 'failed',
      error: { code: 'ProvisioningStatusFilterIgnored' },
    });
    // moto lacks iam:ListOrganizationsFeatures.
    expect(snapshot.organization.centralizedRootAccess).toMatchObject({
      status: 'failed',
      error: { code: 'NotImplementedByEndpoint' },
    });
  });

  it('stays within 10 IAM/STS calls per account plus one per user with keys and two per user (from the progress log)', () => {
    const calls = Object.fromEntries(
      collectRun.keysweepLines
        .map((line) => /\] (\d{12}) \(.*\) (?:complete|partial) — (\d+) IAM\/STS calls/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], Number(m[2])]),
    );
    // Management: its own credentials, 8 IAM calls (6 + SAML and OIDC provider lists); members add
    // AssumeRole; prod has 2 users with keys, dev 1; no OIDC provider here (roles-and-access adds some).
    // Every user costs ListSSHPublicKeys and ListServiceSpecificCredentials (management 2 users, prod 2,
    // dev 1, sandbox 1).
    expect(calls).toEqual({
      [MANAGEMENT_ACCOUNT]: 8 + 2 * 2,
      [org.accounts.sandbox]: 9 + 2 * 1,
      [org.accounts.dev]: 9 + 1 + 2 * 1,
      [org.accounts.prod]: 9 + 2 + 2 * 2,
    });
  });

  it('scan names exactly the users the stable rules flag, exits 3 for moto’s gaps, progress on stderr only', async () => {
    const out = join(dir, 'report');
    const run = await runKeysweepProcess(motoEndpoint, [
      'scan',
      '--out',
      out,
      '--format',
      'json,sarif',
      '--now',
      NOW,
    ]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.keysweepLines.some((l) => /\[\d\/4\]/.test(l))).toBe(true);
    expect(run.stdout).not.toMatch(/IAM\/STS calls/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ReportJson;
    expect(report.scan.complete).toBe(false);
    expect(report.scan.organizationGaps.map((g) => g.split(':')[0])).toEqual([
      'org.centralizedRootAccess',
      'sso.provisioning',
      // moto lacks sso:ListRegions: the instance's regions are not collected (issue 24).
      'sso.regions',
      // moto lacks ABAC, applications and trusted token issuers (issue 24 item 5): not collected.
      'sso.accessControlAttributes',
      'sso.applications',
      'sso.trustedTokenIssuers',
    ]);
    // moto lacks iam:ListServiceSpecificCredentials: every crawled account is partial for that one slice.
    expect(report.scan.accounts.map((a) => a.status).sort()).toEqual([
      'partial',
      'partial',
      'partial',
      'partial',
      'skipped',
    ]);
    for (const account of report.scan.accounts.filter((a) => a.status === 'partial')) {
      expect(account.error ?? '').toMatch(/^iam\.serviceCredentials: NotImplementedByEndpoint/);
    }

    const stable = ['iam-access-key-max-age', 'iam-console-user-without-mfa', 'root-access-keys-exist'];
    const flagged = report.findings
      .filter((f) => stable.includes(f.ruleId))
      .map((f) => `${f.ruleId} ${f.resourceArn}`)
      .sort();
    const { prod, dev } = org.accounts;
    expect(flagged).toEqual(
      [
        `iam-access-key-max-age ${userArn(dev, 'bob')}`,
        `iam-access-key-max-age ${userArn(prod, 'ci-deployer')}`,
        `iam-console-user-without-mfa ${userArn(MANAGEMENT_ACCOUNT, 'alice')}`,
        `iam-console-user-without-mfa ${userArn(dev, 'bob')}`,
      ].sort(),
    );
    // moto writes no credential-report root row: root's password is unknown, so no critical root finding
    // rests on that guess; the rules say "unknown" instead (which leaves the scan's completeness alone).
    expect(report.findings.filter((f) => f.ruleId === 'root-mfa-disabled')).toEqual([]);
    const unknownRoot = report.notEvaluated.filter((n) => n.ruleId === 'root-mfa-disabled');
    expect(unknownRoot.length).toBeGreaterThan(0);
    for (const entry of unknownRoot) expect(entry.reason).toMatch(/^unknown: .*no <root_account> row/);
    // Nor does root-used-recently pass silently: without the row, root's last use is unknown.
    const unknownUse = report.notEvaluated.filter((n) => n.ruleId === 'root-used-recently');
    expect(unknownUse.length).toBeGreaterThan(0);
    for (const entry of unknownUse) expect(entry.reason).toMatch(/^unknown: .*last use is not known/);
    // moto lacks ListOrganizationsFeatures, so no AssumeRoot audit was attempted, and the snapshot says why.
    expect(snapshot.organization.rootCredentialsAudit).toEqual({
      status: 'ok',
      data: { skipped: expect.stringContaining('ListOrganizationsFeatures'), accounts: {} },
    });
    // Whatever other rules say, every finding is about something keysweep collected in this organization.
    for (const finding of report.findings) {
      const inScannedAccount = snapshot.accounts.some(
        (a) => a.access.status === 'ok' && finding.resourceArn.includes(`:${a.id}:`),
      );
      const permissionSet = Object.values(org.permissionSets).includes(finding.resourceArn);
      // An account instance's ARN names no account: it must be one collected in a scanned account.
      const accountInstance = snapshot.accounts.some(
        (a) =>
          a.iam.identityCenterInstances.status === 'ok' &&
          a.iam.identityCenterInstances.data.instances.some((i) => i.instanceArn === finding.resourceArn),
      );
      expect(
        inScannedAccount || permissionSet || accountInstance,
        `${finding.ruleId} ${finding.resourceArn}`,
      ).toBe(true);
    }
    // Permission sets: only AdminAccess (12-hour sessions) is flagged, only for its session length, and
    // no set reads as unassigned (both are assigned; moto's provisioning gap must not hide that).
    const onSets = report.findings.filter((f) => Object.values(org.permissionSets).includes(f.resourceArn));
    const ruleIds = new Set(report.rules.map((r) => r.id));
    if (ruleIds.has('sso-session-duration-too-long')) {
      expect(onSets.map((f) => `${f.ruleId} ${f.resourceArn}`)).toContain(
        `sso-session-duration-too-long ${org.permissionSets.admin}`,
      );
    }
    expect(onSets.filter((f) => f.resourceArn === org.permissionSets.readOnly)).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'sso-permission-set-unused')).toEqual([]);
    const sarif = JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(report.findings.length);
  });

  it('honours --ou and --quiet, and rejects an unknown account id with one line (exit 2)', async () => {
    const file = join(dir, 'prod-only.json');
    const run = await runKeysweepProcess(motoEndpoint, [
      'collect',
      '--quiet',
      '--out',
      file,
      '--ou',
      org.ous.prod,
      '--now',
      NOW,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.keysweepLines).toEqual([]);
    const prodOnly = await loadSnapshot(file);
    expect(prodOnly.accounts.filter((a) => a.access.status !== 'skipped').map((a) => a.id)).toEqual([
      org.accounts.prod,
    ]);
    expect(prodOnly.accounts.find((a) => a.id === org.accounts.dev)?.access).toEqual({
      status: 'skipped',
      reason: 'not under the OUs selected by --ou',
    });

    const bad = await runKeysweepProcess(motoEndpoint, [
      'collect',
      '--out',
      file,
      '--accounts',
      '999999999999',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.keysweepLines).toEqual([
      'keysweep: --accounts/--exclude-accounts: 999999999999 is not an account of this organization',
    ]);
  });
});
