import { describe, expect, it } from 'vitest';
import { generateDemoOrganizationWithoutIdentityCenter } from '../../fixtures/demo/generate-demo-org.js';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import { loadDeclaredDocument } from '../../src/desired-state/load-desired-state.js';
import { resolveDesiredState } from '../../src/desired-state/resolve-desired-state.js';
import { compareDesiredState } from '../../src/drift/compare-desired-state.js';
import { buildMigrationPlan } from '../../src/knowledge/migration-planner.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW } from '../support/rule-tester.js';

/** Needs an organization without an Identity Center instance; see generateDemoOrganizationWithoutIdentityCenter. */
const NEEDS_NO_IDENTITY_CENTER = ['sso-instance-missing'];

describe('demo organization triggers every rule', async () => {
  const demo = await loadDemoSnapshot();
  // Drift rules need a desired state: the demo's Terraform state fixture, which holds every kind of drift.
  const declared = await loadDeclaredDocument('fixtures/desired-state/terraform.tfstate');
  const drift = compareDesiredState(demo, resolveDesiredState(demo, [declared]), 'all');
  const result = evaluate(demo, { rules: ALL_RULES, now: FIXED_NOW, drift });
  const fired = new Set(result.findings.map((finding) => finding.ruleId));

  it('every rule is evaluated everywhere, except where the data cannot say (unknown)', () => {
    // Roles are collected in the demo, so even iam-support-role-missing can decide in every account.
    expect(result.notEvaluated).toEqual([]);
  });

  for (const rule of ALL_RULES) {
    if (NEEDS_NO_IDENTITY_CENTER.includes(rule.id)) continue;
    it(`${rule.id} has a finding in the demo`, () => {
      expect(fired.has(rule.id)).toBe(true);
    });
  }

  it('the variant without Identity Center triggers sso-instance-missing', () => {
    const variant = evaluate(generateDemoOrganizationWithoutIdentityCenter(), {
      rules: ALL_RULES.filter((rule) => NEEDS_NO_IDENTITY_CENTER.includes(rule.id)),
      now: FIXED_NOW,
    });
    expect(new Set(variant.findings.map((f) => f.ruleId))).toEqual(new Set(NEEDS_NO_IDENTITY_CENTER));
  });

  it('every finding about a human IAM user names a target group and permission set', () => {
    const humans = buildMigrationPlan(demo).humans;
    const humanFindings = result.findings.filter((finding) => humans.has(finding.resourceArn));
    expect(humanFindings.length).toBeGreaterThan(50);
    for (const finding of humanFindings) {
      expect(finding.advice.migration, `${finding.ruleId} ${finding.resourceArn}`).toMatchObject({
        kind: 'human-to-identity-center',
        targetGroup: expect.stringMatching(/^aws-/),
        targetPermissionSet: expect.any(String),
        permissionSetExists: expect.any(Boolean),
      });
    }
  });

  it('every finding about a workload IAM user names a replacement', () => {
    const humans = buildMigrationPlan(demo).humans;
    const idle = buildMigrationPlan(demo).withoutPermissions;
    const workloadFindings = result.findings.filter(
      (f) =>
        // IAM users only: identity store users (arn:aws:identitystore:::user/…) are people, not workloads.
        f.resourceArn.startsWith('arn:aws:iam::') &&
        f.resourceArn.includes(':user/') &&
        !humans.has(f.resourceArn) &&
        !idle.has(f.resourceArn) &&
        f.advice.migration?.kind !== 'keep-break-glass',
    );
    expect(workloadFindings.length).toBeGreaterThan(20);
    for (const finding of workloadFindings) {
      expect(['iam-role', 'oidc-federation', 'roles-anywhere']).toContain(
        finding.advice.migration?.replacement,
      );
    }
    const replacements = new Set(workloadFindings.map((f) => f.advice.migration?.replacement));
    expect(replacements).toEqual(new Set(['iam-role', 'oidc-federation', 'roles-anywhere']));
  });

  it('a person without any permission is told to delete the user, never given an empty permission set', () => {
    const plan = buildMigrationPlan(demo);
    expect([...plan.withoutPermissions.values()].map((u) => u.userName)).toEqual(['grace.former']);
    expect(plan.permissionSets.map((set) => set.name)).not.toContain('NoPermissions');
    const about = result.findings.filter((f) => f.resourceArn.endsWith(':user/grace.former'));
    expect(about.length).toBeGreaterThan(0);
    for (const finding of about) expect(finding.advice.migration?.kind).toBe('delete-user');
  });
});
