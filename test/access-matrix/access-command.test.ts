import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACCESS_SCHEMA_PATH, renderAccessSchema } from '../../scripts/generate-access-schema.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { ACCESS_CSV_COLUMNS } from '../../src/reporters/access/render-access.js';
import { runKeysweep } from '../cli/run-cli.js';

const V1_FIXTURE = new URL('../fixtures/versions/snapshot-v1.json', import.meta.url).pathname;
type Row = Record<(typeof ACCESS_CSV_COLUMNS)[number], string>;
const csvRows = (stdout: string[]) => parse(stdout.join('\n'), { columns: true }) as Row[];

describe('keysweep access', () => {
  it('--demo --format csv lists one row per member for an Identity Center group assignment', async () => {
    const run = await runKeysweep(['access', '--demo', '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = csvRows(run.stdout);
    expect(Object.keys(rows[0]!)).toEqual([...ACCESS_CSV_COLUMNS]);
    // From the demo's identity store itself: members of the group assigned PowerUserAccess on web-prod.
    const demo = await loadDemoSnapshot();
    const store =
      demo.identityCenter.identityStore.status === 'ok' ? demo.identityCenter.identityStore.data : null;
    const group = store!.groups.find((g) => g.displayName === 'aws-developers')!;
    const members = store!.memberships
      .filter((m) => m.groupId === group.groupId)
      .map((m) => store!.users.find((u) => u.userId === m.userId)!.userName)
      .sort();
    expect(members.length).toBeGreaterThan(1);
    const viaGroup = rows.filter(
      (r) =>
        r.accountId === '100000000007' &&
        r.via === 'group aws-developers' &&
        r.permission === 'PowerUserAccess',
    );
    expect(viaGroup.map((r) => r.principal).sort()).toEqual(members);
    for (const row of viaGroup)
      expect(row).toMatchObject({ path: 'identity-center', principalKind: 'person' });
  });

  it('shows every access path of the demo: IAM users, hub-and-spoke roles, SAML and OIDC roles', async () => {
    const rows = csvRows((await runKeysweep(['access', '--demo'])).stdout);
    expect(new Set(rows.map((r) => r.path))).toEqual(
      new Set([
        'identity-center',
        'iam-user',
        'cross-account-role',
        'saml-role',
        'oidc-role',
        'identity-center-application',
      ]),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: 'alice.ops4',
        accountId: '100000000009',
        path: 'cross-account-role',
        via: 'arn:aws:iam::100000000005:user/alice.ops4 → arn:aws:iam::100000000009:role/hub-admin',
        adminEquivalent: 'true',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ principal: 'AzureAD (SAML)', principalKind: 'federated', path: 'saml-role' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: 'token.actions.githubusercontent.com (any subject)',
        accountId: '100000000006',
        path: 'oidc-role',
      }),
    );
    // Application access (issue 24): the wiki through the developers group, the dashboard open to everyone.
    expect(rows).toContainEqual(
      expect.objectContaining({
        principal: 'heidi@example.com',
        accountId: '',
        path: 'identity-center-application',
        via: 'group aws-developers',
        application: expect.stringMatching(/^Team wiki \(arn:aws:sso::/),
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        via: 'assignment not required',
        application: expect.stringMatching(/^Cost dashboard/),
      }),
    );
    // SSH keys, service-specific credentials and signing certificates are ways in (issue 24).
    expect(rows.find((r) => r.principal === 'ci-deploy-7' && r.path === 'iam-user')?.credentials).toContain(
      'Bedrock service-specific credential',
    );
    // Identity Center's own roles are not access paths of their own: their assignments are.
    expect(rows.some((r) => r.via.includes('AWSReservedSSO_'))).toBe(false);
  });

  it('filters by person, account (id or name) and permission set', async () => {
    const person = csvRows((await runKeysweep(['access', '--demo', '--person', 'HEIDI'])).stdout);
    // Heidi's Identity Center user and her IAM users (issue 10's demo people) in two accounts.
    expect(new Set(person.map((r) => r.principal))).toEqual(new Set(['heidi@example.com', 'heidi.lamarr']));
    const byName = csvRows((await runKeysweep(['access', '--demo', '--account', 'web-prod'])).stdout);
    const byId = csvRows((await runKeysweep(['access', '--demo', '--account', '100000000007'])).stdout);
    expect(byName).toEqual(byId);
    expect(new Set(byName.map((r) => r.accountId))).toEqual(new Set(['100000000007']));
    const ps = csvRows((await runKeysweep(['access', '--demo', '--permission-set', 'DataEngineer'])).stdout);
    expect(ps.length).toBeGreaterThan(0);
    expect(new Set(ps.map((r) => r.permission))).toEqual(new Set(['DataEngineer']));
  });

  it('--format json validates against the published schema, which is generated from the zod source', async () => {
    expect(await readFile(ACCESS_SCHEMA_PATH, 'utf8')).toBe(renderAccessSchema());
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(ACCESS_SCHEMA_PATH, 'utf8')));
    const run = await runKeysweep(['access', '--demo', '--format', 'json', '--account', 'data-prod']);
    const matrix = JSON.parse(run.stdout.join('\n'));
    expect(validate(matrix), JSON.stringify(validate.errors)).toBe(true);
    expect(matrix.filters).toEqual({ person: null, account: 'data-prod', permissionSet: null });
  });

  it('--format md ranks accounts by people with administrator-equivalent access', async () => {
    const run = await runKeysweep(['access', '--demo', '--format', 'md']);
    const text = run.stdout.join('\n');
    expect(text).toContain('## Accounts by people with administrator-equivalent access');
    const counts = [...text.matchAll(/^\| [^|]+\(\d{12}\) \| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(counts.length).toBe(13);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(text).toMatch(
      /\| data-prod \(100000000008\) \| 4 \| alice\.ops7, grace@example\.com, heidi@example\.com, ivan@example\.com \|/,
    );
  });

  it('an older snapshot: roles unknown are listed, exit 3 (incomplete), other paths still shown', async () => {
    const run = await runKeysweep(['access', '--snapshot', V1_FIXTURE, '--format', 'csv']);
    expect(run.code).toBe(3);
    expect(run.stderr.join('\n')).toContain('iam.roles: snapshot written by an older keysweep');
    const paths = new Set(csvRows(run.stdout).map((r) => r.path));
    expect(paths.has('iam-user')).toBe(true);
    expect(paths.has('cross-account-role')).toBe(false);
  });

  it('scan --format html adds the access section to report.html; other formats are unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-access-html-'));
    const run = await runKeysweep([
      'scan',
      '--demo',
      '--format',
      'html,json',
      '--out',
      dir,
      '--fail-on',
      'none',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<section id="access-section">');
    expect(html).toContain('data-person="alice.ops4" data-account="100000000009"');
    expect(await readFile(join(dir, 'report.json'), 'utf8')).not.toContain('access-section');
  });

  it('bad flags: one line, exit 2, nothing written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-access-'));
    const bad = await runKeysweep(['access', '--demo', '--format', 'xml', '--out', 'm.csv'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toEqual(['keysweep: --format: "xml" is not one of csv, json, md']);
    const empty = await runKeysweep(['access', '--demo', '--person', ' '], dir);
    expect(empty).toMatchObject({ code: 2, stderr: ['keysweep: --person: give a non-empty value'] });
    expect(await readdir(dir)).toEqual([]);
    const ok = await runKeysweep(['access', '--demo', '--out', 'm.csv'], dir);
    expect(ok.code).toBe(0);
    expect(await readdir(dir)).toEqual(['m.csv']);
  });
});
