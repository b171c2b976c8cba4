import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_VERSIONS } from '../../src/inventory/versions/report-versions.js';
import { upgradeToCurrent } from '../../src/inventory/versions/upgrade-chain.js';
import { runKeysweep } from '../cli/run-cli.js';

// The demo's report set as this keysweep writes it. Refactoring must not change a byte of it; a
// deliberate change of output (issue 12: roles, identity providers and six new rules in the demo)
// updates these files in the same commit and says why.
const DEMO_REPORT = new URL('../fixtures/demo-report/', import.meta.url);
// The report set keysweep v1 wrote for test/fixtures/versions/snapshot-v1.json (the demo before issue 12).
const V1 = new URL('../fixtures/versions/', import.meta.url);
const NOW = '2026-12-01T00:00:00Z';

// Rules added after the v1 report set was written; they need slices a v1 snapshot does not have.
const RULES_AFTER_V1 = [
  'iam-role-external-trust-without-external-id',
  'iam-role-oidc-trust-without-subject',
  'iam-role-unused',
  'iam-saml-direct-federation',
  'iam-user-assumes-cross-account-roles',
  'iam-user-duplicates-identity-center-access',
];

async function scan(input: string[], formats: string) {
  const out = join(await mkdtemp(join(tmpdir(), 'ks-unchanged-')), 'r');
  const run = await runKeysweep(['scan', ...input, '--now', NOW, '--out', out, '--format', formats]);
  const read = (file: string) => readFile(join(out, file), 'utf8');
  return { run, read };
}

describe('the demo report set is unchanged by refactoring', () => {
  it('writes SARIF, JSON and Markdown byte-identical to the committed demo report set', async () => {
    const { run, read } = await scan(['--demo'], 'sarif,json,md');
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(1);
    for (const file of ['report.sarif', 'report.json', 'report.md']) {
      const expected = await readFile(new URL(file, DEMO_REPORT), 'utf8');
      expect((await read(file)) === expected, `${file} differs from test/fixtures/demo-report/${file}`).toBe(
        true,
      );
    }
  });

  it('finds in the v1 snapshot exactly what keysweep v1 found: SARIF results, and report.json upgraded to v2', async () => {
    const { run, read } = await scan(
      ['--snapshot', new URL('snapshot-v1.json', V1).pathname, '--skip-rule', RULES_AFTER_V1.join(',')],
      'sarif,json',
    );
    expect(run.stderr).toEqual([]);
    const sarif = JSON.parse(await read('report.sarif'));
    const v1Sarif = JSON.parse(await readFile(new URL('report-v1/report.sarif', V1), 'utf8'));
    expect(sarif.runs[0].tool).toEqual(v1Sarif.runs[0].tool);
    expect(sarif.runs[0].results).toEqual(v1Sarif.runs[0].results);
    // The scan status differs on purpose: the upgraded snapshot says roles were not collected.
    const written = JSON.parse(await read('report.json'));
    const v1 = JSON.parse(await readFile(new URL('report-v1/report.json', V1), 'utf8'));
    const upgraded = upgradeToCurrent(v1, 'report-v1/report.json', REPORT_VERSIONS) as typeof written;
    expect(written.schemaVersion).toBe(2);
    expect(written.rules).toEqual(upgraded.rules);
    expect(written.findings).toEqual(upgraded.findings);
  });
});
