import { describe, expect, it } from 'vitest';
import { aStrongPasswordPolicy } from '../../fixtures/builders/index.js';
import rule from '../../src/rules/catalog/iam-password-policy-min-length.js';
import { remediationOf } from '../../src/rules/define-rule.js';
import { evaluate } from '../../src/rules/engine.js';
import { configuredRuleSummary } from '../../src/rules/rule-summary.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const arn = 'arn:aws:iam::111111111111:account-password-policy';

ruleTester(rule, {
  valid: [
    {
      name: '14 characters',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ minimumPasswordLength: 14 }) }),
    },
    {
      name: 'lower minimum by option',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ minimumPasswordLength: 10 }) }),
      options: { minLength: 10 },
    },
  ],
  invalid: [
    {
      name: 'no password policy',
      snapshot: oneAccount({ passwordPolicy: null }),
      findings: [
        {
          resourceArn: arn,
          severity: 'medium',
          messageId: 'noPolicy',
          data: { accountId: '111111111111', minLength: 14 },
        },
      ],
    },
    {
      name: '13 characters',
      snapshot: oneAccount({ passwordPolicy: aStrongPasswordPolicy({ minimumPasswordLength: 13 }) }),
      findings: [
        {
          resourceArn: arn,
          messageId: 'tooShort',
          data: { accountId: '111111111111', minLength: 14, length: 13 },
        },
      ],
    },
  ],
});

describe('remediation built from the options', () => {
  it('names the configured minimum, the default when none is set', () => {
    expect(remediationOf(rule).cli[0]).toContain('--minimum-password-length 14 ');
    expect(remediationOf(rule, { minLength: 20 }).cli[0]).toContain('--minimum-password-length 20 ');
  });

  it('a report says the configured minimum in its rule text and in the finding it fills', () => {
    const snapshot = oneAccount({ passwordPolicy: null });
    const ruleOptions = { [rule.id]: { minLength: 20 } };
    const evaluation = evaluate(snapshot, {
      rules: [rule],
      now: new Date('2026-12-01T00:00:00Z'),
      ruleOptions,
    });
    expect(configuredRuleSummary(rule, evaluation.ruleOptions?.[rule.id]).remediation.cli[0]).toContain(
      '--minimum-password-length 20 ',
    );
    expect(JSON.stringify(evaluation.findings[0]?.advice)).toContain('--minimum-password-length 20 ');
  });
});
