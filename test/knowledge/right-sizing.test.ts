import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aPrincipalUsage, aServiceUsage } from '../../fixtures/builders/index.js';
import type { PolicyDocument } from '../../src/inventory/policy-document.js';
import { heldByAll, heldByPolicies } from '../../src/knowledge/held-permissions.js';
import { globMatch } from '../../src/knowledge/identity-policy-allows.js';
import { JOB_FUNCTION_POLICIES } from '../../src/knowledge/job-function-policies.js';
import {
  compressActions,
  coveringJobFunction,
  PERMISSION_SET_INLINE_POLICY_MAX_CHARS,
  policySize,
  proposeRightSizing,
  validateInlinePolicy,
} from '../../src/knowledge/right-sizing.js';
import { IAM_SERVICE_REFERENCE as reference } from '../../src/knowledge/service-reference.js';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const RECENT = '2026-11-20T00:00:00.000Z';
const OLD = '2026-01-01T00:00:00.000Z';
const ADMIN = [
  { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
];
const admin = heldByPolicies(ADMIN, [], []);
const inline = (document: PolicyDocument) => [{ policyName: 'p', document }];
const allowing = (...actions: string[]) =>
  heldByPolicies(
    [],
    inline({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }),
    [],
  );

const alice = aPrincipalUsage('arn:aws:iam::111111111111:user/alice', [
  aServiceUsage('ec2', RECENT, [
    ['ec2:DescribeInstances', RECENT],
    ['ec2:StartInstances', null],
  ]),
  aServiceUsage('cloudwatch', RECENT),
  aServiceUsage('dynamodb', OLD),
  aServiceUsage('iam', null, [['iam:CreateUser', null]]),
]);

describe('proposeRightSizing', () => {
  it('an admin who used two services: used actions (high), service level (medium), untracked for review', () => {
    const result = proposeRightSizing({
      principals: [alice],
      now: NOW,
      windowDays: 90,
      held: admin,
      reference,
    });
    expect(result.kind).toBe('inline');
    if (result.kind !== 'inline') return;
    const [used, services, review] = result.statements;
    expect(used).toMatchObject({
      sid: 'UsedActions',
      confidence: 'high',
      actions: ['ec2:DescribeInstances'],
    });
    expect(services).toMatchObject({ sid: 'UsedServices', confidence: 'medium', actions: ['cloudwatch:*'] });
    // ec2's actions the answer did not track stay, flagged; iam:PassRole (never tracked) too, since iam is held.
    expect(review?.confidence).toBe('review');
    expect(review?.actions).toContain('iam:PassRole');
    expect(review?.actions).not.toContain('ec2:StartInstances');
    expect(review?.actions).not.toContain('ec2:DescribeInstances');
    expect(review?.actions.some((a) => a.startsWith('dynamodb:'))).toBe(false);
    expect(result.evidence).toMatchObject({
      windowDays: 90,
      principals: 1,
      servicesHeld: 4,
      sources: ['last-accessed-job'],
    });
    expect(result.evidence.used.map((u) => [u.namespace, u.lastAccessed])).toEqual([
      ['cloudwatch', RECENT],
      ['ec2', RECENT],
    ]);
    expect(validateInlinePolicy(result.document, reference)).toBeNull();
    expect(result.size).toBeLessThanOrEqual(PERMISSION_SET_INLINE_POLICY_MAX_CHARS);
  });

  it('a workload using one service of a narrow hold gets exactly the held actions, never svc:*', () => {
    const bot = aPrincipalUsage('arn:aws:iam::111111111111:user/bot', [aServiceUsage('sqs', RECENT)]);
    const result = proposeRightSizing({
      principals: [bot],
      now: NOW,
      windowDays: 90,
      held: allowing('sqs:SendMessage', 'sqs:GetQueueUrl'),
      reference,
    });
    expect(result.kind === 'inline' && result.statements).toEqual([
      expect.objectContaining({ confidence: 'medium', actions: ['sqs:GetQueueUrl', 'sqs:SendMessage'] }),
    ]);
  });

  it('says unknown when the hold is unknown or the facts are the analyzer’s, keep when nothing was used', () => {
    expect(
      proposeRightSizing({ principals: [alice], now: NOW, windowDays: 90, held: null, reference }).kind,
    ).toBe('unknown');
    // Analyzer facts without a date (or with an unknown grant) say nothing about use: unknown.
    const analyzer = {
      ...alice,
      coverage: 'unused-only' as const,
      source: 'access-analyzer' as const,
      asOf: null,
    };
    expect(
      proposeRightSizing({ principals: [analyzer], now: NOW, windowDays: 90, held: admin, reference }).kind,
    ).toBe('unknown');
    const idle = aPrincipalUsage('arn:aws:iam::1:user/idle', [aServiceUsage('s3', OLD)]);
    expect(
      proposeRightSizing({ principals: [idle], now: NOW, windowDays: 90, held: admin, reference }),
    ).toMatchObject({
      kind: 'keep',
      reason: expect.stringContaining('nothing used'),
    });
  });

  it('proposes a job-function policy only when its document allows every proposed action', () => {
    // Action-level evidence with every action of the service tracked: nothing left for review.
    const tracked = (service: string, used: string[]) =>
      aServiceUsage(
        service,
        RECENT,
        (reference.actionsOf(service) ?? []).map((a) => [a, used.includes(a) ? RECENT : null]),
      );
    const erin = aPrincipalUsage('arn:aws:iam::1:user/erin', [
      tracked('budgets', ['budgets:ViewBudget', 'budgets:ModifyBudget']),
      tracked('ce', ['ce:GetCostAndUsage']),
    ]);
    const result = proposeRightSizing({
      principals: [erin],
      now: NOW,
      windowDays: 90,
      held: admin,
      reference,
    });
    expect(result).toMatchObject({
      kind: 'managed-job-function',
      policyArn: 'arn:aws:iam::aws:policy/job-function/Billing',
      policyVersion: 'v9',
    });
    // One used action the Billing document does not allow (ce:GetCostForecast): the generated policy.
    const forecast = aPrincipalUsage('arn:aws:iam::1:user/fay', [
      tracked('ce', ['ce:GetCostAndUsage', 'ce:GetCostForecast']),
    ]);
    expect(
      proposeRightSizing({ principals: [forecast], now: NOW, windowDays: 90, held: admin, reference }).kind,
    ).toBe('inline');
    // Service-level use only: which actions were used is unknown, so no policy is said to cover it.
    const serviceLevel = aPrincipalUsage('arn:aws:iam::1:user/gil', [aServiceUsage('budgets', RECENT)]);
    expect(
      proposeRightSizing({ principals: [serviceLevel], now: NOW, windowDays: 90, held: admin, reference })
        .kind,
    ).toBe('inline');
    // Covered, but Billing allows what the person does not hold (support:CreateCase…): never proposed.
    const narrow = allowing('budgets:*', 'ce:*');
    expect(
      proposeRightSizing({ principals: [erin], now: NOW, windowDays: 90, held: narrow, reference }).kind,
    ).toBe('inline');
  });

  it('the job-function table holds documents: coverage reads them, action by action', () => {
    expect(JOB_FUNCTION_POLICIES.map((p) => [p.arn.split('/').pop(), p.versionId])).toEqual([
      ['Billing', 'v9'],
      ['NetworkAdministrator', 'v11'],
    ]);
    const network = JOB_FUNCTION_POLICIES[1]!;
    const all = (service: string) => [...(reference.actionsOf(service) ?? [])];
    // route53:* and elasticloadbalancing:* are in NetworkAdministrator's unconditional statements.
    const proposal = [...all('route53'), ...all('elasticloadbalancing'), ...all('directconnect')];
    expect(coveringJobFunction(proposal, () => true, reference, 1_000, [network])).toBe(network);
    // iam:PassRole is only allowed on flow-logs-* roles there: a resource-scoped grant never covers.
    expect(coveringJobFunction(['iam:PassRole'], () => true, reference, 1_000, [network])).toBeNull();
    // Every action named in a document exists in the reference or is a literal (no silent typo).
    for (const policy of JOB_FUNCTION_POLICIES) {
      const statements = Array.isArray(policy.document.Statement)
        ? policy.document.Statement
        : [policy.document.Statement];
      for (const st of statements)
        for (const pattern of Array.isArray(st.Action) ? st.Action : [st.Action ?? '']) {
          const [service] = pattern.split(':');
          if (reference.actionsOf(service ?? '') && !pattern.includes('*'))
            expect(reference.exists(pattern), `${policy.arn}: ${pattern}`).toBe(true);
        }
    }
  });

  it('analyzer findings feed right-sizing: used = granted − unused, service level, confidence low', () => {
    // Granted sqs, sns and kms; the finding says sns went wholly unused and kms partly (one action).
    const held = allowing('sqs:SendMessage', 'sqs:GetQueueUrl', 'sns:Publish', 'kms:Decrypt', 'kms:Encrypt');
    const finding = aPrincipalUsage(
      'arn:aws:iam::1:role/app',
      [aServiceUsage('sns', null), aServiceUsage('kms', null, [['kms:Encrypt', null]])],
      { source: 'access-analyzer', coverage: 'unused-only', asOf: RECENT },
    );
    const result = proposeRightSizing({ principals: [finding], now: NOW, windowDays: 90, held, reference });
    expect(result.kind).toBe('inline');
    if (result.kind !== 'inline') return;
    expect(result.statements).toEqual([
      expect.objectContaining({
        sid: 'UsedPerAnalyzer',
        confidence: 'low',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
      }),
    ]);
    expect(result.evidence.sources).toEqual(['access-analyzer']);
    expect(result.evidence.used.map((u) => u.namespace)).toEqual(['kms', 'sqs']);
    // A service a job saw used keeps the job's confidence even when the analyzer also speaks of it.
    const job = aPrincipalUsage('arn:aws:iam::1:role/app2', [aServiceUsage('sqs', RECENT)]);
    const both = proposeRightSizing({
      principals: [finding, job],
      now: NOW,
      windowDays: 90,
      held,
      reference,
    });
    expect(both.kind === 'inline' && both.statements.map((s) => [s.sid, s.actions])).toEqual([
      ['UsedServices', ['sqs:GetQueueUrl', 'sqs:SendMessage']],
      ['UsedPerAnalyzer', ['kms:Decrypt', 'kms:Encrypt']],
    ]);
    // An UnusedIAMRole finding: nothing was used.
    const idleRole = { ...finding, principalUnused: true };
    expect(
      proposeRightSizing({ principals: [idleRole], now: NOW, windowDays: 90, held, reference }).kind,
    ).toBe('keep');
  });

  it('validates: unknown action names and oversized documents are refused', () => {
    const bad: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObjekt'], Resource: '*' }],
    };
    expect(validateInlinePolicy(bad, reference)).toMatch(/unknown action s3:GetObjekt/);
    const huge: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: [...(reference.actionsOf('ec2') ?? [])], Resource: '*' }],
    };
    expect(policySize(huge)).toBeGreaterThan(PERMISSION_SET_INLINE_POLICY_MAX_CHARS);
    expect(validateInlinePolicy(huge, reference)).toMatch(/without whitespace/);
  });

  it('compresses a verb to a wildcard only when every action of that verb is in the list', () => {
    const gets = (reference.actionsOf('sqs') ?? []).filter((a) => a.startsWith('sqs:Get'));
    expect(gets.length).toBeGreaterThan(1);
    expect(compressActions([...gets, 'sqs:SendMessage'], reference)).toEqual(['sqs:Get*', 'sqs:SendMessage']);
    expect(compressActions(gets.slice(1), reference)).toEqual(gets.slice(1));
  });
});

// Services with a few actions each, so generated holds and uses overlap often.
const SERVICES = ['sqs', 'sns', 'ec2', 's3', 'iam', 'cloudwatch', 'kms'];
const actionOf = (service: string, index: number) => {
  const all = reference.actionsOf(service) ?? [];
  return all[index % all.length] ?? `${service}:Unknown`;
};

describe('right-sizing never widens (property)', () => {
  it('every action a proposal grants is allowed by what every principal holds today', () => {
    let proposals = 0;
    const statement = fc.record({
      effect: fc.constant('Allow' as const),
      patterns: fc.array(
        fc.oneof(
          fc.constant('*'),
          fc.constantFrom(...SERVICES).map((s) => `${s}:*`),
          fc.tuple(fc.constantFrom(...SERVICES), fc.nat(400)).map(([s, i]) => actionOf(s, i)),
          fc
            .tuple(fc.constantFrom(...SERVICES), fc.constantFrom('Get', 'List', 'Describe', 'Put'))
            .map(([s, v]) => `${s}:${v}*`),
        ),
        { minLength: 1, maxLength: 5 },
      ),
      not: fc.boolean(),
    });
    const usage = fc.array(
      fc.record({
        service: fc.constantFrom(...SERVICES),
        used: fc.boolean(),
        actionLevel: fc.boolean(),
        actions: fc.array(fc.tuple(fc.nat(400), fc.boolean()), { maxLength: 4 }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(usage, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (holds, uses, fromAnalyzer) => {
          const documents = holds.map((statements) => ({
            Version: '2012-10-17',
            Statement: statements.map((s) =>
              s.not
                ? { Effect: s.effect, NotAction: s.patterns, Resource: '*' }
                : { Effect: s.effect, Action: s.patterns, Resource: '*' },
            ),
          }));
          const held = heldByAll(documents.map((d) => heldByPolicies([], inline(d), [])!));
          const principals = uses.map((services, i) =>
            fromAnalyzer[i]
              ? // An unused-access finding: only the services that went unused.
                aPrincipalUsage(
                  `arn:aws:iam::1:role/a${i}`,
                  services.filter((s) => !s.used).map((s) => aServiceUsage(s.service, null)),
                  { source: 'access-analyzer', coverage: 'unused-only', asOf: RECENT },
                )
              : aPrincipalUsage(
                  `arn:aws:iam::1:user/p${i}`,
                  services.map((s) =>
                    aServiceUsage(
                      s.service,
                      s.used ? RECENT : null,
                      s.actionLevel
                        ? s.actions.map(([index, used]) => [
                            actionOf(s.service, index),
                            used && s.used ? RECENT : null,
                          ])
                        : null,
                    ),
                  ),
                ),
          );
          // The analyzer's granted services are read from the reference's service list: the generated
          // holds only name SERVICES, so the list is cut to them (the full list is ~450 services).
          const result = proposeRightSizing({
            principals,
            now: NOW,
            windowDays: 90,
            held,
            reference: { ...reference, services: () => SERVICES },
          });
          if (result.kind !== 'inline') return;
          proposals += 1;
          for (const st of result.statements)
            for (const granted of st.actions) {
              // A wildcard grants every action of the reference it matches: each must be held.
              const [service] = granted.split(':');
              const expanded = (reference.actionsOf(service ?? '') ?? []).filter((a) =>
                globMatch(granted, a, true),
              );
              expect(expanded.length, granted).toBeGreaterThan(0);
              for (const action of expanded) expect(held(action), `${granted} → ${action}`).toBe(true);
            }
        },
      ),
      { numRuns: 150 },
    );
    // The property must have been tested on real proposals, not only on cases that proposed nothing.
    expect(proposals).toBeGreaterThan(15);
  });
});
