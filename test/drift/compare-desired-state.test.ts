import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDeclaredDocument } from '../../src/desired-state/load-desired-state.js';
import { resolveDesiredState } from '../../src/desired-state/resolve-desired-state.js';
import { compareDesiredState } from '../../src/drift/compare-desired-state.js';
import { canonicalPolicy, describePolicyDifference } from '../../src/drift/normalize-policy.js';
import { failed, notCollected } from '../../src/inventory/collection.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { evaluate } from '../../src/rules/engine.js';
import { ADMINS_ON_PROD, DECLARED_SETS, liveOrganization } from '../rules/support/drift.js';
import { FIXED_NOW } from '../support/rule-tester.js';

describe('inline policies are compared as documents', () => {
  const doc = (statement: unknown) => ({ Version: '2012-10-17', Statement: statement as never });
  it('statement order, action order, one-item lists and duplicate actions are no difference', () => {
    const a = doc([
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
      {
        Effect: 'Deny',
        Action: 'iam:*',
        Resource: ['*'],
        Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
      },
    ]);
    const b = doc([
      {
        Resource: '*',
        Action: ['iam:*'],
        Effect: 'Deny',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      },
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject', 's3:ListBucket'], Resource: ['*'] },
    ]);
    expect(canonicalPolicy(a)).toBe(canonicalPolicy(b));
  });
  it('a different effect, action or condition value is a difference', () => {
    const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    expect(canonicalPolicy(doc(base))).not.toBe(canonicalPolicy(doc({ ...base, Effect: 'Deny' })));
    expect(canonicalPolicy(doc(base))).not.toBe(canonicalPolicy(doc({ ...base, Action: 's3:*' })));
    expect(canonicalPolicy(doc(base))).not.toBe(canonicalPolicy(null));
  });
  it('reports the statements each side lacks', () => {
    const kept = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    const added = { Effect: 'Allow', Action: '*', Resource: '*' };
    expect(describePolicyDifference(doc(kept), doc([added, kept]))).toEqual({
      declared: 'no other statement',
      live: 'statement {"Action":"*","Effect":"Allow","Resource":"*"}',
    });
  });
});

describe('a slice that was not collected is a gap, never drift', () => {
  const driftRules = ALL_RULES.filter((rule) => rule.input === 'desired-state');
  it('assignments failed: no assignment drift, the rules are not evaluated, the gap is said', () => {
    const snapshot = liveOrganization();
    snapshot.identityCenter.assignments = failed('AccessDenied', 'sso:ListAccountAssignments denied');
    const desired = resolveDesiredState(snapshot, [
      parseDeclaredDocument('d.yaml', DECLARED_SETS + ADMINS_ON_PROD),
    ]);
    const drift = compareDesiredState(snapshot, desired, 'all');
    expect(drift.items.filter((i) => i.kind.startsWith('assignment'))).toEqual([]);
    expect(drift.gaps).toContain('account assignments were not collected: assignment drift is unknown');
    const result = evaluate(snapshot, { rules: driftRules, now: FIXED_NOW, drift });
    expect(result.notEvaluated.map((n) => n.ruleId).sort()).toEqual([
      'drift-assignment-not-applied',
      'drift-assignment-not-declared',
    ]);
    expect(result.findings).toEqual([]);
  });
  it('identity store not collected: declared names cannot resolve, so those assignments are not compared', () => {
    const snapshot = liveOrganization();
    snapshot.identityCenter.identityStore = notCollected('no access to the identity store');
    const desired = resolveDesiredState(snapshot, [
      parseDeclaredDocument('d.yaml', DECLARED_SETS + ADMINS_ON_PROD),
    ]);
    expect(desired.assignments).toEqual([]);
    expect(desired.gaps).toEqual([
      'd.yaml: assignments.0 (Developers → admins): the identity store was not collected',
    ]);
    const drift = compareDesiredState(snapshot, desired, 'declared');
    const result = evaluate(snapshot, { rules: driftRules, now: FIXED_NOW, drift });
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated.map((n) => n.ruleId)).toContain('drift-assignment-not-declared');
  });
});

describe('declared directory without a collected identity store', () => {
  it('is a gap, not drift', () => {
    const snapshot = liveOrganization();
    snapshot.identityCenter.identityStore = failed('AccessDenied', 'identitystore:ListGroups denied');
    const yaml = `${DECLARED_SETS}identityStore:\n  groups:\n    - name: admins\n      members: [jane]\n`;
    const desired = resolveDesiredState(snapshot, [parseDeclaredDocument('d.yaml', yaml)]);
    expect(desired.gaps).toEqual([
      'the identity store was not collected: declared groups, users and memberships were not compared',
    ]);
    const drift = compareDesiredState(snapshot, desired, 'all');
    expect(drift.items.filter((i) => i.kind === 'identity-store-differs')).toEqual([]);
    // The live assignment is an item, but the rule that reports it needs the identity store: not evaluated.
    const driftRules = ALL_RULES.filter((rule) => rule.input === 'desired-state');
    const result = evaluate(snapshot, { rules: driftRules, now: FIXED_NOW, drift });
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated.map((n) => n.ruleId)).toContain('drift-assignment-not-declared');
  });
});

describe('the engine and the desired-state input', () => {
  it('a rule that reads the drift without declaring the input is a rule error, not a finding', () => {
    const sneaky = defineRule({
      id: 'sneaky-drift',
      title: 'reads the drift without declaring it',
      severity: 'low',
      messages: {},
      scope: 'organization',
      resourceType: 'AWS::SSO::PermissionSet',
      requires: [],
      options: z.object({}),
      rationale: '',
      remediation: { console: [], cli: [] },
      references: [],
      evaluate: ({ drift }) => void drift(),
    });
    const snapshot = liveOrganization();
    const drift = compareDesiredState(snapshot, resolveDesiredState(snapshot, []), 'all');
    const result = evaluate(snapshot, { rules: [sneaky], now: FIXED_NOW, drift });
    expect(result.notEvaluated[0]?.reason).toContain("without declaring input: 'desired-state'");
  });
});
