import { describe, expect, it } from 'vitest';
import type { AccountInstance } from '../../src/inventory/account-instances-schema.js';
import rule from '../../src/rules/catalog/sso-account-instance.js';
import { evaluate } from '../../src/rules/engine.js';
import { ruleTester } from '../support/rule-tester.js';
import { oneAccount } from './support/snapshots.js';

const ARN = 'arn:aws:sso:::instance/ssoins-7223aaaabbbbcccc';
const anInstance = (over: Partial<AccountInstance> = {}): AccountInstance => ({
  instanceArn: ARN,
  identityStoreId: 'd-9067aaaaaa',
  ownerAccountId: '111111111111',
  name: 'team-sandbox',
  status: 'ACTIVE',
  createdDate: '2026-03-01T00:00:00.000Z',
  region: 'eu-west-1',
  users: 3,
  applications: 1,
  unread: [],
  ...over,
});

ruleTester(rule, {
  valid: [{ name: 'no account instance', snapshot: oneAccount({ identityCenterInstances: [] }) }],
  invalid: [
    {
      name: 'account instance with counted users and applications',
      snapshot: oneAccount({ identityCenterInstances: [anInstance()] }),
      findings: [
        {
          resourceArn: ARN,
          severity: 'medium',
          messageId: 'accountInstance',
          data: {
            accountId: '111111111111',
            instanceName: 'team-sandbox',
            region: 'eu-west-1',
            counted: '3 user(s), 1 application(s)',
          },
        },
      ],
    },
    {
      name: 'applications not readable: said, never counted as zero',
      snapshot: oneAccount({
        identityCenterInstances: [anInstance({ applications: null, unread: ['applications: AccessDenied'] })],
      }),
      findings: [
        {
          resourceArn: ARN,
          messageId: 'accountInstance',
          data: {
            accountId: '111111111111',
            instanceName: 'team-sandbox',
            region: 'eu-west-1',
            counted: '3 user(s), applications not read',
          },
        },
      ],
    },
  ],
});

describe('sso-account-instance without the slice', () => {
  const cases = [
    { name: 'not collected (older snapshot)', slice: { status: 'not_collected', reason: 'older snapshot' } },
    {
      name: 'ListInstances failed (AccessDenied)',
      slice: { status: 'failed', error: { code: 'AccessDeniedException', message: 'no sso:ListInstances' } },
    },
  ] as const;
  for (const testCase of cases) {
    it(`${testCase.name}: not evaluated, never passed`, () => {
      const snapshot = oneAccount();
      snapshot.accounts[0]!.iam.identityCenterInstances = testCase.slice;
      const result = evaluate(snapshot, {
        rules: [rule],
        now: new Date('2026-12-01T00:00:00Z'),
        ruleOptions: {},
      });
      expect(result.findings).toEqual([]);
      expect(result.notEvaluated).toHaveLength(1);
      expect(result.notEvaluated[0]!.ruleId).toBe('sso-account-instance');
      expect(result.notEvaluated[0]!.reason).toContain(
        testCase.slice.status === 'failed' ? 'AccessDenied' : 'older snapshot',
      );
    });
  }
});
