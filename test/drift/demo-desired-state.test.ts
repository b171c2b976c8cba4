import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESIRED_STATE_FILES,
  renderDesiredStateFiles,
} from '../../scripts/generate-desired-state-fixtures.js';
import { runKeysweep } from '../cli/run-cli.js';
import { reportValidator } from '../reporters/support/report-schema.js';
import { multitoolValidate, sarifSchemaErrors } from '../reporters/support/sarif-validators.js';

interface ReportJson {
  findings: Array<{ id: string; ruleId: string; subject: string; severity: string; resourceArn: string }>;
  rules: Array<{ id: string }>;
  notEvaluated: Array<{ ruleId: string; unknown?: true }>;
}

const NOW = '2026-12-01T00:00:00Z';
const ISSUER = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111';
const set = (suffix: string) => `${ISSUER}/ps-${suffix}`;
const STORE = 'arn:aws:identitystore::100000000001:identitystore/d-1111111111';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111111111111111';

/** Every drift the fixture was written to hold (fixtures/desired-state/demo-desired-state.ts), and no other. */
const EXPECTED = [
  ['drift-assignment-not-applied', set('readonlyaccess00'), '100000000009/GROUP/g-readonly/'],
  ['drift-assignment-not-declared', set('administratoracc'), '100000000007/USER/u-0005/'],
  ['drift-assignment-not-declared', set('poweruseraccess0'), '100000000006/USER/u-deleted-9999/'],
  ['drift-identity-store-differs', STORE, 'group/aws-auditors'],
  ['drift-identity-store-differs', STORE, 'group/aws-security/description'],
  ['drift-identity-store-differs', STORE, 'membership/g-developers/u-0003'],
  ['drift-permission-set-changed', set('billing000000000'), 'managedPolicies'],
  ['drift-permission-set-changed', set('dataengineer0000'), 'inlinePolicy'],
  ['drift-permission-set-changed', set('poweruseraccess0'), 'sessionDuration'],
  ['drift-permission-set-missing', INSTANCE, 'permissionSet/IncidentResponder'],
  ['drift-permission-set-not-declared', set('networkadministr'), ''],
  ['drift-principal-missing', STORE, 'GROUP/aws-auditors'],
].map(([ruleId, resourceArn, subject]) => `${ruleId} ${resourceArn} ${subject}`);

describe('the demo desired state (fixtures/desired-state)', () => {
  let dir: string;
  const reports: Record<string, ReportJson> = {};
  const scanWith = async (name: string, ...args: string[]) => {
    const out = join(dir, name);
    const run = await runKeysweep([
      'scan',
      '--demo',
      '--now',
      NOW,
      '--out',
      out,
      '--format',
      'sarif,json',
      '--quiet',
      ...args,
    ]);
    return {
      run,
      out,
      report: existsSync(join(out, 'report.json'))
        ? (JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ReportJson)
        : null,
    };
  };
  const driftOf = (report: ReportJson | null) =>
    (report?.findings ?? [])
      .filter((f) => f.ruleId.startsWith('drift-'))
      .map((f) => `${f.ruleId} ${f.resourceArn} ${f.subject}`)
      .sort();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keysweep-drift-'));
    for (const [name, file] of [
      ['tfstate', DESIRED_STATE_FILES.tfstate],
      ['show', DESIRED_STATE_FILES.showJson],
      ['yaml', DESIRED_STATE_FILES.yaml],
    ] as const) {
      const { run, report } = await scanWith(name, '--desired', file);
      expect(run.code, run.stderr.join('\n')).toBe(1);
      if (report) reports[name] = report;
    }
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the fixtures and schemas/desired-state.schema.json are generated (run: npx tsx scripts/generate-desired-state-fixtures.ts)', async () => {
    const rendered = renderDesiredStateFiles();
    for (const [key, path] of Object.entries(DESIRED_STATE_FILES))
      expect(await readFile(path, 'utf8'), path).toBe(rendered[key as keyof typeof rendered]);
  });

  it('the state is written the way Terraform writes it: version 4, lineage, serial, modules, index keys', async () => {
    const state = JSON.parse(await readFile(DESIRED_STATE_FILES.tfstate, 'utf8'));
    expect(state).toMatchObject({
      version: 4,
      serial: 42,
      lineage: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const modules = new Set(state.resources.map((r: { module?: string }) => r.module));
    expect(modules).toEqual(new Set([undefined, 'module.permission_sets', 'module.assignments']));
    const keys = state.resources.flatMap((r: { instances: Array<{ index_key?: unknown }> }) =>
      r.instances.map((i) => typeof i.index_key),
    );
    expect(new Set(keys)).toEqual(new Set(['undefined', 'number', 'string']));
  });

  it('the tfstate gives exactly the drift it holds, of every kind, and nothing else', () => {
    expect(driftOf(reports.tfstate ?? null)).toEqual([...EXPECTED].sort());
    expect(
      new Set(reports.tfstate?.rules.filter((r) => r.id.startsWith('drift-')).map((r) => r.id)).size,
    ).toBe(7);
    // Every rule ran; the demo's one "unknown" (a support role, roles not collected) is no collection gap.
    expect(reports.tfstate?.notEvaluated.filter((entry) => !entry.unknown)).toEqual([]);
  });

  it('terraform show -json and the YAML form give the same drift findings (same fingerprints)', () => {
    const ids = (report: ReportJson | undefined) =>
      (report?.findings ?? [])
        .filter((f) => f.ruleId.startsWith('drift-'))
        .map((f) => `${f.id} ${f.severity}`)
        .sort();
    expect(ids(reports.tfstate)).toHaveLength(EXPECTED.length);
    expect(ids(reports.show)).toEqual(ids(reports.tfstate));
    expect(ids(reports.yaml)).toEqual(ids(reports.tfstate));
  });

  it('--desired-scope declared leaves out the set the files do not mention, nothing else', async () => {
    const { report } = await scanWith(
      'scoped',
      '--desired',
      DESIRED_STATE_FILES.tfstate,
      '--desired-scope',
      'declared',
    );
    expect(driftOf(report)).toEqual(
      EXPECTED.filter((e) => !e.startsWith('drift-permission-set-not-declared')).sort(),
    );
  });

  it('without --desired the drift rules do not run: not in rules, not "not evaluated", no findings', async () => {
    const { run, report } = await scanWith('plain');
    expect(run.code).toBe(1);
    expect(report?.rules.some((r) => r.id.startsWith('drift-'))).toBe(false);
    expect(report?.notEvaluated.some((n) => n.ruleId.startsWith('drift-'))).toBe(false);
    expect(driftOf(report)).toEqual([]);
  });

  it('report.json with drift follows the published report schema', async () => {
    const validate = await reportValidator();
    for (const name of ['tfstate', 'show', 'yaml']) {
      const report = JSON.parse(await readFile(join(dir, name, 'report.json'), 'utf8'));
      expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('the SARIF with drift passes the schema and Sarif.Multitool (Ghas)', async () => {
    const text = await readFile(join(dir, 'tfstate', 'report.sarif'), 'utf8');
    expect(await sarifSchemaErrors(JSON.parse(text))).toEqual([]);
    const problems = await multitoolValidate(text);
    expect(problems.filter((p) => p.level !== 'note')).toEqual([]);
  });

  it('keysweep drift prints counts per kind, then each drift with declared vs live, and exits like scan', async () => {
    const run = await runKeysweep(['drift', '--demo', '--now', NOW, '--desired', DESIRED_STATE_FILES.yaml]);
    expect(run.code).toBe(1);
    const text = run.stdout.join('\n');
    expect(text).toContain('     3  drift-permission-set-changed');
    expect(text).toContain('     2  drift-assignment-not-declared');
    expect(text).toContain('session duration differs from');
    expect(text).toContain('(declared: PT4H; live: PT8H)');
    const liveOnly = await runKeysweep([
      'drift',
      '--demo',
      '--desired',
      DESIRED_STATE_FILES.yaml,
      '--accounts',
      '100000000001',
    ]);
    expect([liveOnly.code, liveOnly.stderr.length]).toEqual([2, 1]);
    const passing = await runKeysweep([
      'drift',
      '--demo',
      '--now',
      NOW,
      '--fail-on',
      'none',
      '--desired',
      DESIRED_STATE_FILES.yaml,
    ]);
    expect(passing.code).toBe(0);
  });

  const badInputs: Array<[string, string[], RegExp]> = [
    ['a state file that is not JSON', ['--desired', 'BAD'], /^keysweep: .*bad\.tfstate: not valid JSON/],
    [
      'a missing file',
      ['--desired', '/nonexistent/state.tfstate'],
      /^keysweep: \/nonexistent\/state\.tfstate: cannot read/,
    ],
    [
      'an unknown scope',
      ['--desired', DESIRED_STATE_FILES.yaml, '--desired-scope', 'some'],
      /^keysweep: --desired-scope: "some"/,
    ],
    [
      'a drift rule without --desired',
      ['--rule', 'drift-principal-missing'],
      /^keysweep: --rule drift-principal-missing: needs --desired/,
    ],
    [
      'an account name that matches nothing',
      ['--desired', 'TYPO'],
      /typo\.yaml: assignments\.0 \(ReadOnlyAccess → aws-readonly\): target "paymnets-prod"/,
    ],
  ];
  for (const [name, args, message] of badInputs) {
    it(`${name}: exit 2, one line, nothing written`, async () => {
      const bad = join(dir, 'bad.tfstate');
      await writeFile(bad, '{"version": 4, "resources": [');
      const typo = join(dir, 'typo.yaml');
      await writeFile(
        typo,
        'kind: keysweep.desired-state\nversion: 1\nassignments:\n  - permissionSet: ReadOnlyAccess\n    group: aws-readonly\n    targets: [paymnets-prod]\n',
      );
      const resolved = args.map((a) => (a === 'BAD' ? bad : a === 'TYPO' ? typo : a));
      const out = join(dir, `bad-${name.replace(/\W+/g, '-')}`);
      const run = await runKeysweep(['scan', '--demo', '--now', NOW, '--out', out, ...resolved]);
      expect(run.code).toBe(2);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});
