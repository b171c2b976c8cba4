import { describe, expect, it } from 'vitest';
import {
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aPrincipalUsage,
  aServiceUsage,
  aSnapshot,
  aUsageSlice,
} from '../../fixtures/builders/index.js';
import { heldByPolicies } from '../../src/knowledge/held-permissions.js';
import { globMatch } from '../../src/knowledge/identity-policy-allows.js';
import { IAM_SERVICE_REFERENCE as reference } from '../../src/knowledge/service-reference.js';
import { replacementNameOf } from '../../src/migration-kit/existing-set-narrowing.js';
import { renderKit } from '../../src/migration-kit/render-kit.js';
import { jsonencoded } from './support/jsonencoded.js';
import { demoKit, NOW, parseTf, planOf } from './support/kit.js';

const RECENT = '2026-11-25T00:00:00.000Z';
// A name Identity Center allows (+=,.@-_), longer than a replacement name may be.
const NAME = 'Ops+=,.@-team_with_a_very_long_name';
const TODAY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow' as const, Action: ['s3:*', 'sqs:*', 'ec2:Describe*', 'kms:*'], Resource: '*' },
  ],
};
const role = (accountId: string) =>
  `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_${NAME}_0123456789abcdef`;

function organization(secondHasEvidence = true, sessionDuration = 'PT4H') {
  const set = aPermissionSet({ name: NAME, managedPolicies: [], inlinePolicy: TODAY, sessionDuration });
  const a = '400000000001';
  const b = '400000000002';
  return aSnapshot({
    accounts: [
      anAccount({
        id: a,
        iam: anIamSlice({
          accountId: a,
          usage: aUsageSlice([
            aPrincipalUsage(role(a), [aServiceUsage('s3', RECENT), aServiceUsage('kms', null)]),
          ]),
        }),
      }),
      anAccount({
        id: b,
        iam: anIamSlice({
          accountId: b,
          usage: aUsageSlice(
            secondHasEvidence
              ? [aPrincipalUsage(role(b), [aServiceUsage('sqs', RECENT, [['sqs:SendMessage', RECENT]])])]
              : [],
          ),
        }),
      }),
    ],
    identityCenter: anIdentityCenter({
      permissionSets: [set],
      assignments: [
        { accountId: a, permissionSetArn: set.arn, principalType: 'GROUP', principalId: 'g-ops' },
        { accountId: b, permissionSetArn: set.arn, principalType: 'USER', principalId: "u-'quoted'" },
      ],
    }),
  });
}

const render = (snapshot: ReturnType<typeof organization>, plan: ReturnType<typeof planOf>) =>
  renderKit(plan, snapshot, { scpExemptRoles: [], deleteAfterDays: 30, runbookFormats: ['md'], now: NOW });

describe('existing permission sets narrowed from their AWSReservedSSO roles (issue 23)', () => {
  it('merges every account’s role, stays within the set, and writes a replacement beside it', async () => {
    const snapshot = organization();
    const plan = planOf(snapshot);
    const [entry] = plan.existingSetNarrowing ?? [];
    expect(entry).toMatchObject({
      name: NAME,
      replacementName: 'Ops+=,.@-team_with_a_ve-Narrowed',
      accounts: [
        { accountId: '400000000001', roleArn: role('400000000001') },
        { accountId: '400000000002', roleArn: role('400000000002') },
      ],
      rightSizing: { outcome: 'narrowed-inline', applied: true, removedServices: ['kms'] },
    });
    expect(entry!.replacementName!.length).toBeLessThanOrEqual(32);
    const files = render(snapshot, plan);
    const file = files.find((f) => f.path === 'identity-center/narrowed-permission-sets.tf')!;
    const tf = await parseTf(file);
    const [set] = Object.values(tf.resource?.aws_ssoadmin_permission_set ?? {}).flat();
    expect(set?.name).toBe(entry!.replacementName);
    const [inline] = Object.values(tf.resource?.aws_ssoadmin_permission_set_inline_policy ?? {}).flat();
    const document = await jsonencoded(inline!.inline_policy);
    expect(document).toEqual(entry!.rightSizing.inlinePolicy);
    // Within what the set grants today: every action the replacement allows, the old set allows.
    const today = heldByPolicies([], [{ policyName: 'today', document: TODAY }], [])!;
    const granted = heldByPolicies([], [{ policyName: 'tf', document }], [])!;
    let allowed = 0;
    for (const service of ['s3', 'sqs', 'ec2', 'kms', 'iam', 'lambda'])
      for (const action of reference.actionsOf(service) ?? [])
        if (granted(action)) {
          allowed += 1;
          expect(today(action), action).toBe(true);
        }
    expect(allowed).toBeGreaterThan(0);
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action ?? '']));
    expect(actions.some((a) => globMatch(a, 'kms:Decrypt', true))).toBe(false);
    // Assigned wherever the old set is, to the same principals.
    const assignments = Object.values(tf.resource?.aws_ssoadmin_account_assignment ?? {}).flat();
    expect(assignments.map((a) => [a.target_id, a.principal_type, a.principal_id]).sort()).toEqual([
      ['400000000001', 'GROUP', 'g-ops'],
      ['400000000002', 'USER', "u-'quoted'"],
    ]);
    // Nothing existing is imported or changed by this file.
    expect(tf.import ?? []).toEqual([]);
    const runbook = files.find((f) => f.path === 'runbook.md')!.content;
    expect(runbook).toContain(`### ${NAME.replaceAll('_', '\\_')} → `);
    expect(runbook).toContain(
      `--principal-id 'u-'\\''quoted'\\''' --target-type AWS_ACCOUNT --target-id 400000000002`,
    );
  });

  it('an account without the role’s evidence makes it unknown: no replacement, no file', () => {
    const snapshot = organization(false);
    const plan = planOf(snapshot);
    expect(plan.existingSetNarrowing?.[0]?.rightSizing).toMatchObject({
      outcome: 'unknown',
      applied: false,
      reason: expect.stringContaining('account 400000000002'),
    });
    expect(render(snapshot, plan).some((f) => f.path.endsWith('narrowed-permission-sets.tf'))).toBe(false);
  });

  it('--no-right-size writes no replacement (the proposal stays in plan.json, not applied)', () => {
    const snapshot = organization();
    const plan = planOf(snapshot, { rightSize: false });
    expect(plan.existingSetNarrowing?.[0]?.rightSizing).toMatchObject({
      outcome: 'narrowed-inline',
      applied: false,
    });
    expect(render(snapshot, plan).some((f) => f.path.endsWith('narrowed-permission-sets.tf'))).toBe(false);
  });

  it('the replacement keeps today’s session, capped at the session rule’s maximum (configured or default)', async () => {
    const sessionOf = async (today: string, options: Parameters<typeof planOf>[1] = {}) => {
      const snapshot = organization(true, today);
      const plan = planOf(snapshot, options);
      const entry = plan.existingSetNarrowing![0]!;
      const tf = await parseTf(
        render(snapshot, plan).find((f) => f.path === 'identity-center/narrowed-permission-sets.tf')!,
      );
      const [set] = Object.values(tf.resource?.aws_ssoadmin_permission_set ?? {}).flat();
      expect(set?.session_duration).toBe(entry.replacementSessionDuration);
      expect(entry.sessionDuration).toBe(today);
      return entry.replacementSessionDuration;
    };
    expect(await sessionOf('PT4H')).toBe('PT4H');
    expect(await sessionOf('PT12H')).toBe('PT8H');
    expect(await sessionOf('PT12H', { ruleOptions: { maxSessionHours: 10, adminPolicyArns: [] } })).toBe(
      'PT10H',
    );
    expect(await sessionOf('PT12H', { ruleOptions: { maxSessionHours: 1.5, adminPolicyArns: [] } })).toBe(
      'PT1H30M',
    );
  });

  it('never reuses a taken name', () => {
    expect(replacementNameOf('Admin', new Set(['admin-narrowed']))).toBeNull();
    expect(replacementNameOf('Admin', new Set())).toBe('Admin-Narrowed');
  });

  it('the demo narrows the existing AdministratorAccess from its roles in 6 accounts', async () => {
    const { plan, files } = await demoKit();
    const admin = plan.existingSetNarrowing?.find((n) => n.name === 'AdministratorAccess');
    expect(admin).toMatchObject({
      replacementName: 'AdministratorAccess-Narrowed',
      rightSizing: { outcome: 'narrowed-inline', applied: true },
    });
    expect(admin?.accounts).toHaveLength(6);
    expect(admin?.rightSizing.services.map((s) => s.namespace)).toEqual(['cloudwatch', 'ec2', 's3']);
    const tf = await parseTf(files.find((f) => f.path === 'identity-center/narrowed-permission-sets.tf')!);
    expect(Object.keys(tf.resource?.aws_ssoadmin_account_assignment ?? {})).toHaveLength(
      admin!.assignments.length,
    );
    // Sets whose roles left no evidence are said to be unknown, never narrowed.
    expect(plan.existingSetNarrowing?.find((n) => n.name === 'ReadOnlyAccess')?.rightSizing.outcome).toBe(
      'unknown',
    );
  });
});
