import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anAccessKey, anAccount, anIamSlice, aSnapshot, aUser } from '../../fixtures/builders/index.js';
import { findingId } from '../../src/findings/finding.js';
import { failed, notCollected } from '../../src/inventory/collection.js';
import type { SliceName } from '../../src/knowledge/slices.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { evaluate } from '../../src/rules/engine.js';

const NOW = new Date('2026-12-01T00:00:00Z');

const everyUser = defineRule({
  id: 'test-every-user',
  title: 'Every user',
  severity: 'low',
  messages: { everyUser: '{prefix} {userName}', plain: 'm' },
  scope: 'account',
  resourceType: 'AWS::IAM::User',
  requires: ['iam.users'],
  options: z.object({ prefix: z.string().default('user') }),
  rationale: 'r',
  remediation: { console: ['c'], cli: ['x'] },
  references: [],
  evaluate({ slice, options, fail }) {
    for (const user of slice('iam.users'))
      fail(user.arn, { messageId: 'everyUser', data: { prefix: options.prefix, userName: user.userName } });
  },
});

const twoUsers = () =>
  aSnapshot({
    accounts: [
      anAccount({
        id: '111111111111',
        iam: anIamSlice({ accountId: '111111111111', users: [aUser({ userName: 'a' })] }),
      }),
      anAccount({
        id: '222222222222',
        iam: anIamSlice({
          accountId: '222222222222',
          users: [aUser({ userName: 'b', accountId: '222222222222' })],
        }),
      }),
    ],
  });

describe('rule engine', () => {
  it('runs account rules once per scanned account and fills finding fields', () => {
    const result = evaluate(twoUsers(), { rules: [everyUser], now: NOW });
    expect(result.findings.map((f) => [f.accountId, f.message])).toEqual([
      ['111111111111', 'user a'],
      ['222222222222', 'user b'],
    ]);
    const first = result.findings[0]!;
    expect(first.id).toBe(findingId('test-every-user', 'arn:aws:iam::111111111111:user/a', ''));
    // No framework file lists this test rule (compliance ids live in src/findings/frameworks/* only).
    expect(first.compliance).toEqual([]);
    expect(first.advice.fixNow).toEqual({ console: ['c'], cli: ['x'] });
  });

  it('passes validated options with defaults and overrides', () => {
    const result = evaluate(twoUsers(), {
      rules: [everyUser],
      now: NOW,
      ruleOptions: { 'test-every-user': { prefix: 'u' } },
    });
    expect(result.findings[0]!.message).toBe('u a');
    expect(() =>
      evaluate(twoUsers(), {
        rules: [everyUser],
        now: NOW,
        ruleOptions: { 'test-every-user': { prefix: 1 } },
      }),
    ).toThrow();
  });

  it('reports a rule as not evaluated (never passed) when its slice failed', () => {
    const snapshot = twoUsers();
    snapshot.accounts[1]!.iam.users = failed('AccessDenied', 'iam:GetAccountAuthorizationDetails denied');
    const result = evaluate(snapshot, { rules: [everyUser], now: NOW });
    expect(result.findings.map((f) => f.accountId)).toEqual(['111111111111']);
    expect(result.notEvaluated).toEqual([
      {
        ruleId: 'test-every-user',
        accountId: '222222222222',
        reason: 'iam.users failed: AccessDenied: iam:GetAccountAuthorizationDetails denied',
        missing: [
          {
            slice: 'iam.users',
            status: 'failed',
            detail: 'AccessDenied: iam:GetAccountAuthorizationDetails denied',
          },
        ],
      },
    ]);
  });

  it('skips accounts that were not scanned (suspended) instead of evaluating empty data', () => {
    const snapshot = twoUsers();
    snapshot.accounts[1]!.access = { status: 'skipped', reason: 'SUSPENDED' };
    snapshot.accounts[1]!.iam.users = notCollected('SUSPENDED');
    const result = evaluate(snapshot, { rules: [everyUser], now: NOW });
    expect(result.findings).toHaveLength(1);
    expect(result.notEvaluated).toEqual([]);
  });

  it('refuses a rule reading a slice it did not require (the types forbid it; the engine checks too)', () => {
    const sneaky = defineRule({
      ...everyUser,
      id: 'sneaky',
      evaluate: ({ slice }) => void (slice as (name: SliceName) => unknown)('iam.root'),
    });
    const result = evaluate(twoUsers(), { rules: [sneaky], now: NOW });
    expect(result.notEvaluated[0]!.reason).toMatch(/reads slice iam.root without declaring it in requires/);
  });

  it('renders a finding message from the rule message id and data', () => {
    const result = evaluate(twoUsers(), {
      rules: [everyUser],
      now: NOW,
      ruleOptions: { 'test-every-user': { prefix: 'hi {x}' } },
    });
    // Values go in as they are: a brace in the data is text, not a placeholder (reporters escape).
    expect(result.findings.map((f) => f.message)).toContain('hi {x} a');
  });

  it('a rule reporting a message it does not declare is a rule error, not a finding', () => {
    const undeclared = defineRule({
      ...everyUser,
      id: 'undeclared-message',
      evaluate: ({ fail }) => fail('arn:aws:iam::111111111111:user/a', { messageId: 'nope' as 'plain' }),
    });
    const result = evaluate(twoUsers(), { rules: [undeclared], now: NOW });
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated[0]!.reason).toBe(
      'rule error: rule undeclared-message reports message nope, which it does not declare',
    );
  });

  it('a message with a placeholder left without data is a rule error, not a finding with "{userName}" in it', () => {
    const partial = defineRule({
      ...everyUser,
      id: 'partial-data',
      evaluate: ({ fail }) =>
        fail('arn:aws:iam::111111111111:user/a', { messageId: 'everyUser', data: { prefix: 'p' } }),
    });
    const result = evaluate(twoUsers(), { rules: [partial], now: NOW });
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated[0]!.reason).toBe(
      'rule error: rule partial-data: message everyUser has no data for {userName}',
    );
  });

  it('organization rules run once and default to the management account', () => {
    const orgRule = defineRule({
      ...everyUser,
      id: 'org',
      scope: 'organization',
      requires: ['sso.instance'],
      evaluate: ({ fail }) => fail('arn:aws:sso:::instance/x', { messageId: 'plain' }),
    });
    const result = evaluate(twoUsers(), { rules: [orgRule], now: NOW });
    expect(result.findings.map((f) => f.accountId)).toEqual(['000000000000']);
  });

  it('fingerprints ignore dates: the same resource at another clock has the same id', () => {
    const snapshot = aSnapshot({
      accounts: [anAccount({ iam: anIamSlice({ users: [aUser({ accessKeys: [anAccessKey()] })] }) })],
    });
    const a = evaluate(snapshot, { rules: [everyUser], now: NOW });
    const b = evaluate(snapshot, { rules: [everyUser], now: new Date('2030-01-01T00:00:00Z') });
    expect(a.findings.map((f) => f.id)).toEqual(b.findings.map((f) => f.id));
  });
});
