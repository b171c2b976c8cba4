import { describe, expect, it } from 'vitest';
import {
  aGroup,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aRoot,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import type { Finding } from '../../src/findings/finding.js';
import { failed, notCollected } from '../../src/inventory/collection.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { buildMigrationPlan } from '../../src/knowledge/migration-planner.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const POWER_USER = { policyName: 'PowerUserAccess', policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' };

/** Two accounts with one person each in a group granting PowerUserAccess; Identity Center has that set. */
function organizationWithPeople(): Snapshot {
  const account = (id: string, userName: string) =>
    anAccount({
      id,
      iam: anIamSlice({
        accountId: id,
        users: [aUser({ accountId: id, userName, passwordEnabled: true, groups: ['devs'] })],
        groups: [aGroup({ accountId: id, groupName: 'devs', attachedPolicies: [POWER_USER] })],
      }),
    });
  return aSnapshot({
    accounts: [account('111111111111', 'ann.lee'), account('222222222222', 'bo.kim')],
    identityCenter: anIdentityCenter({
      permissionSets: [
        aPermissionSet({
          name: 'Developers',
          managedPolicies: [{ arn: POWER_USER.policyArn, name: 'PowerUserAccess' }],
        }),
      ],
    }),
  });
}

const migrationOf = (findings: Finding[], ruleId: string) =>
  findings.filter((f) => f.ruleId === ruleId).map((f) => f.advice.migration!);

describe('advice never rests on data that was not collected', () => {
  it('reuses the existing permission set when Identity Center was collected', () => {
    const target = buildMigrationPlan(organizationWithPeople()).humans.get(
      'arn:aws:iam::111111111111:user/ann.lee',
    )!;
    expect(target).toMatchObject({ targetPermissionSet: 'Developers', permissionSetExists: true });
  });

  it('says "unknown" instead of "create the permission set" when the permission sets failed', () => {
    const snapshot = organizationWithPeople();
    snapshot.identityCenter.permissionSets = failed('AccessDeniedException', 'sso:ListPermissionSets denied');
    const target = buildMigrationPlan(snapshot).humans.get('arn:aws:iam::111111111111:user/ann.lee')!;
    expect(target.permissionSetExists).toBeNull();
    expect(target.identityCenterGap).toContain('sso.permissionSets failed: AccessDeniedException');

    const { findings } = evaluate(snapshot, { rules: ALL_RULES, now: NOW });
    const advice = migrationOf(findings, 'iam-human-user-not-federated');
    expect(advice).toHaveLength(2);
    for (const migration of advice) {
      expect(migration.permissionSetExists).toBeUndefined();
      expect(migration.summary).toContain('unknown');
      expect(migration.steps!.join('\n')).not.toMatch(/^Create the permission set/m);
      expect(migration.steps!.join('\n')).toMatch(/^Look for a permission set with PowerUserAccess/m);
    }
    const message = findings.find((f) => f.ruleId === 'iam-human-user-not-federated')!.message;
    expect(message).not.toContain('(to create)');
    expect(message).toContain('unknown');
  });

  it('still says "create" when there is no Identity Center instance at all (a fact, not a gap)', () => {
    const snapshot = organizationWithPeople();
    snapshot.identityCenter = {
      instance: { status: 'ok', data: null },
      permissionSets: notCollected('no instance'),
      assignments: notCollected('no instance'),
      provisioning: notCollected('no instance'),
      regions: notCollected('no instance'),
      identityStore: notCollected('no instance'),
      accessControlAttributes: notCollected('no instance'),
      applications: notCollected('no instance'),
      trustedTokenIssuers: notCollected('no instance'),
    };
    const target = buildMigrationPlan(snapshot).humans.get('arn:aws:iam::111111111111:user/ann.lee')!;
    expect(target).toMatchObject({ permissionSetExists: false, groupExists: false });
    expect(target.identityCenterGap).toBeUndefined();
  });

  it('never advises enabling centralized root access when that slice failed', () => {
    const withRootWithoutMfa = (centralized: Snapshot['organization']['centralizedRootAccess']) => {
      const snapshot = aSnapshot({
        accounts: [anAccount({ iam: anIamSlice({ root: aRoot({ mfaActive: false, mfaKind: 'none' }) }) })],
      });
      snapshot.organization.centralizedRootAccess = centralized;
      return evaluate(snapshot, { rules: ALL_RULES, now: NOW }).findings;
    };
    const known = migrationOf(
      withRootWithoutMfa({ status: 'ok', data: { rootCredentialsManagement: false, rootSessions: false } }),
      'root-mfa-disabled',
    );
    expect(known[0]!.steps).toContain('aws iam enable-organizations-root-credentials-management');

    const unknown = migrationOf(
      withRootWithoutMfa(failed('AccessDenied', 'iam:ListOrganizationsFeatures denied')),
      'root-mfa-disabled',
    );
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.summary).toContain('Whether centralized root access is enabled is unknown');
    expect(unknown[0]!.summary).toContain('org.centralizedRootAccess failed: AccessDenied');
    expect(unknown[0]!.steps!.join('\n')).not.toContain('enable-organizations-root');
  });

  it('on the demo: with Identity Center permission sets failed, no person is told to create one', async () => {
    const demo = await loadDemoSnapshot();
    const before = migrationOf(
      evaluate(demo, { rules: ALL_RULES, now: NOW }).findings,
      'iam-human-user-not-federated',
    );
    expect(before.some((m) => m.steps!.some((s) => s.startsWith('Create the permission set')))).toBe(true);

    demo.identityCenter.permissionSets = failed('AccessDeniedException', 'denied');
    const after = migrationOf(
      evaluate(demo, { rules: ALL_RULES, now: NOW }).findings,
      'iam-human-user-not-federated',
    );
    expect(after).toHaveLength(before.length);
    for (const migration of after) {
      expect(migration.steps!.some((s) => s.startsWith('Create the permission set'))).toBe(false);
      expect(migration.permissionSetExists).toBeUndefined();
    }
  });
});
