import { describe, expect, it } from 'vitest';
import type { AccountInstance, AccountInstancesSlice } from '../../src/inventory/account-instances-schema.js';
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
            searched: 'eu-west-1',
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
            searched: 'eu-west-1',
          },
        },
      ],
    },
    {
      name: 'searched in two regions, one of them not read: the finding names both',
      snapshot: oneAccount({
        identityCenterInstances: {
          regionsSearched: ['eu-west-1', 'us-east-1'],
          regionsSearchedUnknown: null,
          regionsNotRead: [
            { region: 'ap-east-1', code: 'UnrecognizedClientException', message: 'not enabled' },
          ],
          instances: [anInstance()],
        },
      }),
      findings: [
        {
          resourceArn: ARN,
          messageId: 'accountInstance',
          data: {
            accountId: '111111111111',
            instanceName: 'team-sandbox',
            region: 'eu-west-1',
            counted: '3 user(s), 1 application(s)',
            searched: 'eu-west-1, us-east-1; not read: ap-east-1 (UnrecognizedClientException)',
          },
        },
      ],
    },
  ],
});

describe('sso-account-instance: where it looked', () => {
  const run = (search: AccountInstancesSlice) => {
    const snapshot = oneAccount({ identityCenterInstances: search });
    return evaluate(snapshot, { rules: [rule], now: new Date('2026-12-01T00:00:00Z'), ruleOptions: {} });
  };
  it('no instance found but a region not read: not evaluated (never "none"), naming the regions', () => {
    const result = run({
      regionsSearched: ['eu-west-1'],
      regionsSearchedUnknown: null,
      regionsNotRead: [{ region: 'us-east-1', code: 'AccessDeniedException', message: 'no' }],
      instances: [],
    });
    expect(result.findings).toEqual([]);
    expect(result.notEvaluated).toHaveLength(1);
    expect(result.notEvaluated[0]!.reason).toContain(
      'searched: eu-west-1; not read: us-east-1 (AccessDeniedException)',
    );
  });
  it('the finding details list the regions searched and not read', () => {
    const result = run({
      regionsSearched: ['eu-west-1', 'us-east-1'],
      regionsSearchedUnknown: null,
      regionsNotRead: [{ region: 'ap-east-1', code: 'AccessDeniedException', message: 'no' }],
      instances: [anInstance()],
    });
    expect(result.findings[0]!.details).toMatchObject({
      regionsSearched: 'eu-west-1, us-east-1',
      regionsNotRead: 'ap-east-1: AccessDeniedException: no',
    });
  });
  it('a snapshot upgraded from schema 3 says the searched region was not recorded', () => {
    const result = run({
      regionsSearched: [],
      regionsSearchedUnknown: 'snapshot schema 3 did not record it',
      regionsNotRead: [],
      instances: [anInstance()],
    });
    expect(result.findings[0]!.message).toContain(
      'Searched: no region; other regions not recorded: snapshot schema 3 did not record it.',
    );
  });
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
