import { describe, expect, it } from 'vitest';
import { generateDemoOrganization } from '../../fixtures/demo/generate-demo-org.js';
import { parseSnapshot } from '../../src/inventory/snapshot-file.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../../src/inventory/snapshot-schema.js';
import { SNAPSHOT_V2_UPGRADE_REASON } from '../../src/inventory/versions/snapshot-v2-to-v3-long-lived-credentials.js';
import { ROOT_AUDIT_V2_REASON } from '../../src/inventory/versions/snapshot-v2-to-v3-root-audit.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW } from '../support/rule-tester.js';

const NEW_SLICES = ['sshPublicKeys', 'signingCertificates', 'serviceCredentials'] as const;

/** Today's demo as a version 2 file would hold it: without the slices version 3 added. */
function demoAsVersion2(): Record<string, unknown> {
  const demo = JSON.parse(JSON.stringify(generateDemoOrganization()));
  for (const account of demo.accounts) for (const name of NEW_SLICES) delete account.iam[name];
  delete demo.organization.rootCredentialsAudit;
  return { ...demo, schemaVersion: 2 };
}

describe('snapshot upgrade v2 → v3 (long-lived credentials)', () => {
  it('marks SSH keys, signing certificates and service credentials not collected, never empty', () => {
    const v2 = demoAsVersion2();
    const snapshot = parseSnapshot(v2, 'v2.json');
    expect(snapshot.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
    for (const account of snapshot.accounts) {
      for (const name of NEW_SLICES) {
        const expected =
          account.access.status === 'skipped'
            ? account.iam[name].status // a skipped account's slices were already not collected
            : 'not_collected';
        expect(account.iam[name].status, `${account.id} ${name}`).toBe(expected);
      }
    }
    // The input is not touched (a pure step).
    expect((v2.accounts as Array<{ iam: Record<string, unknown> }>)[0]!.iam.sshPublicKeys).toBeUndefined();
  });

  it('the credential rules are not evaluated on such a file, with the reason, and find nothing', () => {
    const snapshot = parseSnapshot(demoAsVersion2(), 'v2.json');
    const ids = [
      'iam-user-ssh-public-key',
      'iam-user-signing-certificate',
      'iam-user-service-specific-credential',
    ];
    const result = evaluate(snapshot, { rules: ALL_RULES.filter((r) => ids.includes(r.id)), now: FIXED_NOW });
    expect(result.findings).toEqual([]);
    for (const id of ids) {
      const skipped = result.notEvaluated.filter((n) => n.ruleId === id);
      expect(skipped.length, id).toBeGreaterThan(0);
      expect(skipped.some((n) => n.reason.includes(SNAPSHOT_V2_UPGRADE_REASON))).toBe(true);
    }
  });

  it('records that no root audit was made (root rules then read the credential report as before)', () => {
    const snapshot = parseSnapshot(demoAsVersion2(), 'v2.json');
    expect(snapshot.organization.rootCredentialsAudit).toEqual({
      status: 'ok',
      data: { skipped: ROOT_AUDIT_V2_REASON, accounts: {} },
    });
    const root = ALL_RULES.filter((rule) => rule.id.startsWith('root-'));
    const upgraded = evaluate(snapshot, { rules: root, now: FIXED_NOW });
    const current = evaluate(generateDemoOrganization(), { rules: root, now: FIXED_NOW });
    expect(upgraded.findings.map((f) => f.id)).toEqual(current.findings.map((f) => f.id));
  });
});
