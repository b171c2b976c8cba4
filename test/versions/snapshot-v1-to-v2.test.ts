import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../../src/inventory/snapshot-schema.js';
import {
  SNAPSHOT_V1_UPGRADE_REASON,
  upgradeSnapshotV1ToV2,
} from '../../src/inventory/versions/snapshot-v1-to-v2.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW } from '../support/rule-tester.js';

// The demo organization as keysweep wrote it before roles and identity providers were collected.
const V1_FIXTURE = new URL('../fixtures/versions/snapshot-v1.json', import.meta.url).pathname;

describe('snapshot upgrade v1 → v2', () => {
  it('loads a version 1 snapshot, marking roles and identity providers not collected in every account', async () => {
    const snapshot = await loadSnapshot(V1_FIXTURE);
    expect(snapshot.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
    expect(snapshot.accounts.length).toBeGreaterThan(5);
    for (const account of snapshot.accounts) {
      expect(account.iam.roles).toEqual({ status: 'not_collected', reason: SNAPSHOT_V1_UPGRADE_REASON });
      expect(account.iam.identityProviders).toEqual({
        status: 'not_collected',
        reason: SNAPSHOT_V1_UPGRADE_REASON,
      });
    }
  });

  it('keeps every version 1 slice as it was', async () => {
    const raw = JSON.parse(await readFile(V1_FIXTURE, 'utf8'));
    const snapshot = await loadSnapshot(V1_FIXTURE);
    expect(raw.schemaVersion).toBe(1);
    // Apart from what v2 → v3 adds (relay state and tags, not collected), Identity Center is as it was.
    // and the instance's regions (v2 → v3, not collected).
    // and what v3 → v4 adds: the identity store's ExternalIds (null: not collected) and the access-control
    // attributes, applications and trusted token issuers (not collected).
    const {
      permissionSets,
      regions,
      identityStore,
      accessControlAttributes: _abac,
      applications: _applications,
      trustedTokenIssuers: _issuers,
      ...rest
    } = snapshot.identityCenter;
    const { permissionSets: rawSets, identityStore: rawStore, ...rawRest } = raw.identityCenter;
    expect(rest).toEqual(rawRest);
    const unknownExternalIds = (p: object) => ({ ...p, externalIds: null });
    expect(identityStore).toEqual({
      ...rawStore,
      data: {
        ...rawStore.data,
        users: rawStore.data.users.map(unknownExternalIds),
        groups: rawStore.data.groups.map(unknownExternalIds),
      },
    });
    expect(regions.status).toBe('not_collected');
    expect(permissionSets).toEqual({
      ...rawSets,
      data: rawSets.data.map((s: object) => ({ ...s, relayState: null, tags: null })),
    });
    expect(snapshot.accounts.map((a) => a.iam.users)).toEqual(
      raw.accounts.map((a: { iam: { users: unknown } }) => a.iam.users),
    );
  });

  it('rules that need roles are reported not evaluated, with the reason, never passed', async () => {
    const snapshot = await loadSnapshot(V1_FIXTURE);
    const result = evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW });
    const roleRules = ALL_RULES.filter((rule) =>
      rule.requires.some((s) => s === 'iam.roles' || s === 'iam.identityProviders'),
    );
    expect(roleRules.length).toBeGreaterThan(0);
    for (const rule of roleRules) {
      const skipped = result.notEvaluated.filter((n) => n.ruleId === rule.id);
      expect(skipped.length, rule.id).toBeGreaterThan(0);
      for (const entry of skipped) expect(entry.reason).toContain(SNAPSHOT_V1_UPGRADE_REASON);
      expect(result.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
    }
  });

  it('is pure: leaves its input untouched and passes damaged accounts through for the schema to reject', () => {
    const v1 = { schemaVersion: 1, accounts: [{ id: '1', iam: { users: { status: 'ok', data: [] } } }, 'x'] };
    const copy = structuredClone(v1);
    const v2 = upgradeSnapshotV1ToV2(v1);
    expect(v1).toEqual(copy);
    expect(v2.schemaVersion).toBe(2);
    expect((v2.accounts as unknown[])[1]).toBe('x');
  });
});
