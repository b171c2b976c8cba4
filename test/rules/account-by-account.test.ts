import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anAccount, anIamSlice, aSnapshot, aUser } from '../../fixtures/builders/index.js';
import { accountReleaser } from '../../src/cli/release-accounts.js';
import { failed } from '../../src/inventory/collection.js';
import { InputError } from '../../src/io/input-error.js';
import { ALL_DERIVATIONS } from '../../src/knowledge/all-derivations.js';
import { defineDerivation } from '../../src/knowledge/derivation.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { evaluate, evaluateInto } from '../../src/rules/engine.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];

const snapshot = () =>
  aSnapshot({
    accounts: ACCOUNTS.map((id) =>
      anAccount({
        id,
        iam: anIamSlice({ accountId: id, users: [aUser({ userName: `u${id[0]}`, accountId: id })] }),
      }),
    ),
  });

const base = {
  title: 't',
  severity: 'low' as const,
  messages: { text: '{text}' },
  resourceType: 'AWS::IAM::User',
  options: z.object({}),
  rationale: 'r',
  remediation: { console: ['c'], cli: ['x'] },
  references: [],
};

const perUser = (id: string) =>
  defineRule({
    ...base,
    id,
    scope: 'account',
    requires: ['iam.users'],
    evaluate: ({ slice, fail }) => {
      for (const user of slice('iam.users')) {
        fail(user.arn, { messageId: 'text', data: { text: 'once' } });
        fail(user.arn, { messageId: 'text', data: { text: 'twice (left out)' } });
      }
    },
  });

/** Reports the same resource of another account from every account: one finding. */
const foreign = defineRule({
  ...base,
  id: 'test-foreign',
  scope: 'account',
  requires: ['iam.users'],
  evaluate: ({ fail }) =>
    fail('arn:aws:iam::999999999999:role/shared', { messageId: 'text', data: { text: 'm' } }),
});

const organizationRule = defineRule({
  ...base,
  id: 'test-org',
  scope: 'organization',
  requires: ['sso.instance'],
  evaluate: ({ fail }) => fail('arn:aws:sso:::instance/x', { messageId: 'text', data: { text: 'm' } }),
});

describe('evaluation account by account', () => {
  it('runs the organization rules, then every account rule on one account before the next', () => {
    const calls: string[] = [];
    evaluateInto(
      snapshot(),
      { rules: [perUser('test-a'), organizationRule, perUser('test-b')], now: NOW },
      { startRule: (rule, account) => calls.push(`${rule}@${account ?? 'org'}`), add: () => {} },
    );
    expect(calls).toEqual([
      'test-org@org',
      ...ACCOUNTS.flatMap((account) => [`test-a@${account}`, `test-b@${account}`]),
    ]);
  });

  it('lists what was not evaluated rule by rule, each rule’s accounts in snapshot order', () => {
    const s = snapshot();
    s.accounts[0]!.iam.users = failed('AccessDenied', 'no');
    s.accounts[2]!.iam.users = failed('Throttling', 'slow');
    const result = evaluate(s, { rules: [perUser('test-a'), perUser('test-b')], now: NOW });
    expect(result.notEvaluated.map((n) => `${n.ruleId}@${n.accountId}`)).toEqual([
      'test-a@111111111111',
      'test-a@333333333333',
      'test-b@111111111111',
      'test-b@333333333333',
    ]);
  });

  it('fails the whole evaluation when the sink cannot take a finding (a full disk is no rule error)', () => {
    const full = new InputError('cannot write temporary files in /tmp: no space left on the device (ENOSPC)');
    let taken = 0;
    const sink = {
      startRule: () => undefined,
      add: () => {
        taken += 1;
        throw full;
      },
    };
    expect(() =>
      evaluateInto(snapshot(), { rules: [perUser('test-a'), perUser('test-b')], now: NOW }, sink),
    ).toThrow(full);
    expect(taken).toBe(1);
  });

  it('keeps one finding per rule, resource and subject, within an account and across accounts', () => {
    const result = evaluate(snapshot(), { rules: [perUser('test-a'), foreign], now: NOW });
    expect(result.findings.map((f) => `${f.ruleId} ${f.resourceArn} ${f.message}`).sort()).toEqual([
      'test-a arn:aws:iam::111111111111:user/u1 once',
      'test-a arn:aws:iam::222222222222:user/u2 once',
      'test-a arn:aws:iam::333333333333:user/u3 once',
      'test-foreign arn:aws:iam::999999999999:role/shared m',
    ]);
  });
});

describe('letting go of account inventories', () => {
  const planned = defineDerivation({ id: 'test-planned', reads: ['iam.users'], derive: () => 'planned' });
  const late = defineDerivation({ id: 'test-late', reads: ['iam.users'], derive: () => 'late' });
  const asking = (derivation: typeof planned) =>
    defineRule({
      ...base,
      id: `test-asks-${derivation.id}`,
      scope: 'account',
      requires: ['iam.users'],
      evaluate: ({ slice, derive, fail }) => {
        for (const user of slice('iam.users'))
          fail(user.arn, { messageId: 'text', data: { text: derive(derivation) } });
      },
    });

  it('lets go of each account after its rules ran, having computed the derivations first', () => {
    const released: string[] = [];
    const result = evaluate(snapshot(), {
      rules: [asking(planned), asking(late)],
      now: NOW,
      release: { account: (account) => released.push(account.id), derivations: [planned] as never },
    });
    expect(released).toEqual(ACCOUNTS);
    expect(result.findings.map((f) => f.message)).toEqual(['planned', 'planned', 'planned']);
    // A derivation not computed up front is never answered from part of the inventory.
    expect(result.notEvaluated.map((n) => [n.ruleId, n.accountId, n.reason])).toEqual(
      ACCOUNTS.map((account) => [
        'test-asks-test-late',
        account,
        'rule error: derivation test-late was asked for after account inventories were let go (compute it first)',
      ]),
    );
  });

  it('computes every derivation defined in the sources when it lets go', async () => {
    const sources = await readdir(join(process.cwd(), 'src'), { recursive: true });
    const ids: string[] = [];
    for (const file of sources.filter((name) => name.endsWith('.ts'))) {
      const text = await readFile(join(process.cwd(), 'src', file), 'utf8');
      for (const match of text.matchAll(/defineDerivation\(\{\s*id: '([^']+)'/g)) ids.push(match[1]!);
    }
    expect(ids.length).toBeGreaterThan(3);
    expect(ALL_DERIVATIONS.map((d) => d.id).sort()).toEqual(ids.sort());
  });

  it('makes any later read of a let-go inventory fail loudly', () => {
    const original = snapshot();
    const evaluated = { ...original, accounts: original.accounts.map((a) => ({ ...a })) };
    const release = accountReleaser(original, evaluated);
    release(evaluated.accounts[1]!);
    expect(() => evaluated.accounts[1]!.iam.users).toThrow(/read after it was let go \(users\)/);
    expect(() => original.accounts[1]!.iam.users).toThrow(/let go/);
    expect(original.accounts[0]!.iam.users.status).toBe('ok');
  });
});
