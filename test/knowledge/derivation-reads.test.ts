import { describe, expect, it } from 'vitest';
import { anAccount, aSnapshot } from '../../fixtures/builders/index.js';
import { failed } from '../../src/inventory/collection.js';
import { defineDerivation } from '../../src/knowledge/derivation.js';
import { runDerivation } from '../../src/knowledge/derivation-runner.js';

describe('a derivation reads only the slices it declared in reads', () => {
  const snapshot = () => {
    const account = anAccount({ id: '111111111111' });
    account.iam.root = failed('AccessDenied', 'no');
    return aSnapshot({ accounts: [account] });
  };

  it('gets a declared slice with its status (not collected is for the derivation to say)', () => {
    const statuses = defineDerivation({
      id: 'test-statuses',
      reads: ['iam.users', 'iam.root'],
      derive: (input) => input.accounts.map((a) => [a.slice('iam.users').status, a.slice('iam.root').status]),
    });
    expect(runDerivation(snapshot(), statuses)).toEqual([['ok', 'failed']]);
  });

  it('throws on a slice it did not declare', () => {
    const sneaky = defineDerivation({
      id: 'test-sneaky',
      reads: ['iam.users'],
      derive: (input) => input.accounts.map((a) => (a.slice as (name: string) => unknown)('iam.root')),
    });
    expect(() => runDerivation(snapshot(), sneaky)).toThrow(
      /derivation test-sneaky reads slice iam.root without declaring it in reads/,
    );
  });
});
