import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeysweep } from '../cli/run-cli.js';

// The report set the demo produces today. Refactoring must not change a byte of it; a deliberate change
// of output updates these files in the same commit and says why. (test/fixtures/versions/report-v1 is
// the demo set as keysweep v1 wrote it, before the issue-8 refactor, and stays as written: the version
// tests load it as an old file.) Deliberate changes: issue 9 (precision, readable reports): demo users
// breakglass-admin and grace.former (later access key ids renumbered), the new rules, relatedTo, fix-now
// commands with the user and key filled in, MFA on key-only workloads at low, Top findings by risk. Then
// issue 12: demo roles and identity providers, six role and access rules, iam-support-role-missing decided
// from the collected roles. Then issue 10 (migration kit): demo people with IAM users in several accounts
// for people resolution (grace.hopper/ghopper, heidi.lamarr, mike.ross, ken@example.com). The v1 → v2
// report.json upgrade is checked against the v1 files in version-chain.test.ts. Then issue 14: report.json
// schemaVersion 3 (migration advice once per resource, filled-in rule steps left out, one finding per
// line); SARIF and Markdown unchanged. The v2 → v3 upgrade is checked against test/fixtures/versions/report-v2.
// Then issue 25 (scan history): inventory.accounts[].activeAccessKeys in report.json (optional, so v3 stays v3).
// Then issue 23: demo usage evidence and three usage rules (iam-permissions-unused,
// iam-admin-user-few-services-used, sso-permission-set-idle-in-account).
// Then issue 21 (the kit's access): alice/bob/carol tagged with the e-mail of new Identity Center users,
// Dave and Erin in the identity store, and an untagged emergency-access user in the management account
// (a suspected break-glass user: one more finding, advice to confirm it). The v2 report is now compared
// with the demo as it was then (test/fixtures/versions/demo-org-at-report-v2.json).
// Then issue 24: the users' SSH keys, signing certificates and service-specific credentials (three rules,
// five demo findings); root rules read AssumeRoot audit facts where present (none in the demo); permission set
// DataLakeAnalyst (customer managed policy DataLakeAccess: missing in payments-prod, differing in web-prod
// and data-prod) with its two rules.
// Then issue 24 items 1-2: sandbox-alpha owns an account instance of Identity Center (rule sso-account-instance,
// one finding, 4 users and 1 application counted).
// Then issue 24 item 4 (SCIM hygiene): the demo directory is fed by Okta (ExternalIds on users and groups), with a
// hand-made break-glass user and group, an empty Okta group holding DataEngineer, and a contractor pushed
// without groups: rules sso-identity-store-local-principal (2), sso-group-empty-with-assignments (1) and
// sso-user-without-access (6: the contractor and the five synced people still waiting for the kit).
// report.json's inventory.identitySource (optional, v3 stays v3): the feed as ExternalIds show it.
// Then issue 24 item 5: demo ABAC attributes, two Identity Center applications (one open to every directory user)
// and a trusted token issuer: two rules (sso-application-assignment-not-required, sso-trusted-token-issuer), one
// finding each, and the report's "Identity Center inventory" section (report.json inventory.identityCenter).
// Then issue 24 (account instance regions): sso-account-instance names the regions searched (message "Searched:
// eu-central-1, eu-west-1." and details regionsSearched / regionsNotRead).
const FIXTURE = new URL('../fixtures/demo-report/', import.meta.url);

describe('the demo report set is unchanged by refactoring', () => {
  it('writes SARIF, JSON and Markdown byte-identical to the committed demo report set', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ks-unchanged-')), 'r');
    const run = await runKeysweep([
      'scan',
      '--demo',
      '--now',
      '2026-12-01T00:00:00Z',
      '--out',
      out,
      '--format',
      'sarif,json,md',
    ]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(1);
    for (const file of ['report.sarif', 'report.json', 'report.md']) {
      const written = await readFile(join(out, file), 'utf8');
      const expected = await readFile(new URL(file, FIXTURE), 'utf8');
      expect(written === expected, `${file} differs from test/fixtures/demo-report/${file}`).toBe(true);
    }
  });
});
