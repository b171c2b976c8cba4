import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  aGroup,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPrincipalUsage,
  aServiceUsage,
  aSnapshot,
  aUsageSlice,
  aUser,
} from '../../fixtures/builders/index.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { globMatch } from '../../src/knowledge/identity-policy-allows.js';
import { IAM_SERVICE_REFERENCE as reference } from '../../src/knowledge/service-reference.js';
import type { KitOptions } from '../../src/migration-kit/build-kit-plan.js';
import type { KitPlan } from '../../src/migration-kit/plan-schema.js';
import { type KitFile, renderKit } from '../../src/migration-kit/render-kit.js';
import { hostile } from './support/hostile-kit.js';
import { jsonencoded } from './support/jsonencoded.js';
import { NOW, type ParsedTf, parseAllTf, planOf } from './support/kit.js';

const RECENT = '2026-11-25T00:00:00.000Z';
const OLD = '2025-06-01T00:00:00.000Z';
const ADMIN = { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };

/** Two admins (IAM users in group Admins, AdministratorAccess) who used three services between them. */
function adminsWithUsage(usage = true): Snapshot {
  const admins = aGroup({ groupName: 'Admins', attachedPolicies: [ADMIN] });
  const person = (userName: string) =>
    aUser({
      userName,
      groups: ['Admins'],
      passwordEnabled: true,
      passwordLastUsed: '2026-11-30T00:00:00.000Z',
      tags: { email: `${userName}@example.com` },
    });
  const dana = person('dana');
  const erin = person('erin');
  const evidence = aUsageSlice([
    aPrincipalUsage(dana.arn, [
      aServiceUsage('ec2', RECENT, [
        ['ec2:DescribeInstances', RECENT],
        ['ec2:TerminateInstances', null],
      ]),
      aServiceUsage('iam', RECENT, [['iam:GetRole', RECENT]]),
      aServiceUsage('dynamodb', OLD),
      aServiceUsage('kms', null),
    ]),
    aPrincipalUsage(erin.arn, [aServiceUsage('sqs', RECENT), aServiceUsage('lambda', null)]),
  ]);
  return aSnapshot({
    accounts: [
      anAccount({
        name: 'prod',
        iam: anIamSlice({ users: [dana, erin], groups: [admins], ...(usage ? { usage: evidence } : {}) }),
      }),
    ],
    identityCenter: anIdentityCenter({ permissionSets: [] }),
  });
}

function kitOf(snapshot: Snapshot, options: Partial<KitOptions> = {}): { plan: KitPlan; files: KitFile[] } {
  const plan = planOf(snapshot, options);
  return { plan, files: render(plan, snapshot) };
}

function render(plan: KitPlan, snapshot: Snapshot): KitFile[] {
  return renderKit(plan, snapshot, {
    scpExemptRoles: [],
    deleteAfterDays: 30,
    runbookFormats: ['md'],
    now: NOW,
  });
}

const resources = (tf: ParsedTf, type: string) => Object.values(tf.resource?.[type] ?? {}).flat();

describe('the kit’s Terraform carries the right-sized permission set (issue 23)', () => {
  it('by default: the generated inline policy replaces AdministratorAccess, review actions flagged', async () => {
    const { plan, files } = kitOf(adminsWithUsage());
    const set = plan.permissionSets.find((s) => s.rightSizing?.applied)!;
    expect(set.exists).toBe(false);
    expect(set.awsManagedPolicies).toEqual([]);
    expect(set.grantsFullAdmin).toBe(false);
    expect(set.warnings.some((w) => w.startsWith('GRANTS *:*'))).toBe(false);
    expect(set.rightSizing?.replaced).toEqual({
      awsManagedPolicies: [ADMIN.policyArn],
      customerManagedPolicies: [],
      inlinePolicy: null,
    });
    expect(set.rightSizing?.removedServices).toEqual(['dynamodb', 'kms', 'lambda']);

    const tf = await parseAllTf(files, 'identity-center/');
    expect(resources(tf, 'aws_ssoadmin_managed_policy_attachment')).toEqual([]);
    const inline = resources(tf, 'aws_ssoadmin_permission_set_inline_policy');
    expect(inline).toHaveLength(1);
    const document = await jsonencoded(inline[0]!.inline_policy);
    expect(document).toEqual(set.rightSizing?.inlinePolicy);
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    expect(statements.map((s) => s.Sid)).toEqual(['UsedActions', 'UsedServices', 'ReviewUntracked']);
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toEqual(expect.arrayContaining(['ec2:DescribeInstances', 'iam:GetRole', 'sqs:*']));
    // Untracked (PassRole; ec2 actions the answer did not track) are kept, never dropped, and said.
    const review = statements.find((s) => s.Sid === 'ReviewUntracked')!;
    const reviewActions = Array.isArray(review.Action) ? review.Action : [review.Action ?? ''];
    expect(reviewActions.some((a) => globMatch(a, 'iam:PassRole', true))).toBe(true);
    expect(actions.some((a) => a?.startsWith('dynamodb:') || a?.startsWith('lambda:'))).toBe(false);
    const [ps] = resources(tf, 'aws_ssoadmin_permission_set');
    expect(String(ps?.description)).toContain('right-sized from 90 days of usage evidence');
    const text = files.find((f) => f.path === 'identity-center/permission-sets.tf')!.content;
    expect(text).toMatch(
      /# RIGHT-SIZED from 90-day usage evidence \(last-accessed-job\): replaces arn:aws:iam::aws:policy\/AdministratorAccess/,
    );
    expect(text).toMatch(
      /# REVIEW statement ReviewUntracked: 2 action\(s\) last accessed data does not track, kept so nothing breaks; confirm or remove: ec2:\*, iam:\*$/m,
    );

    const planJson = JSON.parse(files.find((f) => f.path === 'plan.json')!.content);
    expect(planJson.permissionSets[0].rightSizing).toMatchObject({
      applied: true,
      outcome: 'narrowed-inline',
    });
  });

  it('--no-right-size keeps today’s policies (and plan.json still shows the proposal, not applied)', async () => {
    const { plan, files } = kitOf(adminsWithUsage(), { rightSize: false });
    const set = plan.permissionSets[0]!;
    expect(set.rightSizing).toMatchObject({ outcome: 'narrowed-inline', applied: false, replaced: null });
    expect(set.grantsFullAdmin).toBe(true);
    const tf = await parseAllTf(files, 'identity-center/');
    expect(resources(tf, 'aws_ssoadmin_managed_policy_attachment').map((r) => r.managed_policy_arn)).toEqual([
      ADMIN.policyArn,
    ]);
    expect(resources(tf, 'aws_ssoadmin_permission_set_inline_policy')).toEqual([]);
    expect(files.find((f) => f.path === 'identity-center/permission-sets.tf')!.content).not.toContain(
      'RIGHT-SIZED',
    );
    expect(plan.accessDiff.summary.narrowed).toBe(0);
  });

  it('without usage evidence nothing changes: today’s policies, no narrowed row', () => {
    const { plan } = kitOf(adminsWithUsage(false));
    expect(plan.permissionSets[0]).toMatchObject({
      awsManagedPolicies: [ADMIN.policyArn],
      grantsFullAdmin: true,
    });
    expect(plan.permissionSets[0]?.rightSizing?.applied).toBe(false);
    expect(plan.accessDiff.summary.narrowed).toBe(0);
  });

  it('the access diff marks each carried pair narrowed, with what right-sizing removes', () => {
    const { plan, files } = kitOf(adminsWithUsage());
    const rows = plan.accessDiff.rows.filter((r) => r.change === 'narrowed');
    expect(rows.map((r) => r.person).sort()).toEqual(['dana@example.com', 'erin@example.com']);
    for (const row of rows) {
      expect(row.note).toContain('right-sized from 90-day usage evidence (last-accessed-job)');
      expect(row.note).toContain('replaces AdministratorAccess');
      expect(row.note).toContain('removes 3 service(s) unused in the window: dynamodb, kms, lambda');
      expect(row.note).toMatch(/keeps ec2, iam, sqs \(\+\d+ untracked action\(s\) for review\)/);
    }
    expect(plan.accessDiff.summary).toMatchObject({ narrowed: 2, kept: 0, added: 0 });
    const csv = parseCsv(files.find((f) => f.path === 'access-diff.csv')!.content, {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(csv.filter((r) => Object.values(r).includes('narrowed'))).toHaveLength(2);
  });

  it('hostile names (groups, descriptions, accounts) leave the right-sized Terraform intact', async () => {
    const snapshot = adminsWithUsage();
    const { plan, files } = kitOf(snapshot);
    const evil = {
      ...plan,
      groups: plan.groups.map((g, i) => ({ ...g, displayName: hostile(`group${i}`) })),
      assignments: plan.assignments.map((a) => ({
        ...a,
        group: hostile(`group${plan.groups.findIndex((g) => g.displayName === a.group)}`),
        accountName: hostile('account'),
      })),
      permissionSets: plan.permissionSets.map((s) => ({ ...s, description: hostile('set') })),
    };
    const hostileFiles = render(evil, snapshot);
    const tf = await parseAllTf(files, 'identity-center/');
    const evilTf = await parseAllTf(hostileFiles, 'identity-center/');
    for (const type of Object.keys(tf.resource ?? {}))
      expect(Object.keys(evilTf.resource?.[type] ?? {}).length, type).toBe(
        Object.keys(tf.resource?.[type] ?? {}).length,
      );
    expect(evilTf.resource?.aws_iam_user).toBeUndefined();
    const [ps] = resources(evilTf, 'aws_ssoadmin_permission_set');
    expect(ps?.description).toContain('=HYPERLINK');
    const [inline] = resources(evilTf, 'aws_ssoadmin_permission_set_inline_policy');
    expect(await jsonencoded(inline!.inline_policy)).toEqual(
      plan.permissionSets[0]!.rightSizing!.inlinePolicy,
    );
  });

  it('a finance team whose use an AWS job-function policy covers gets that policy attached', async () => {
    const finance = aGroup({ groupName: 'Finance', attachedPolicies: [ADMIN] });
    const fay = aUser({
      userName: 'fay',
      groups: ['Finance'],
      passwordEnabled: true,
      passwordLastUsed: RECENT,
      tags: { email: 'fay@example.com' },
    });
    const billing = ['budgets:ViewBudget', 'budgets:ModifyBudget', 'ce:GetCostAndUsage'];
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [fay],
            groups: [finance],
            usage: aUsageSlice([
              aPrincipalUsage(fay.arn, [
                // Every budgets and ce action tracked; the used ones are all in Billing's document.
                ...['budgets', 'ce'].map((service) =>
                  aServiceUsage(
                    service,
                    RECENT,
                    (reference.actionsOf(service) ?? []).map((a): [string, string | null] => [
                      a,
                      billing.includes(a) ? RECENT : null,
                    ]),
                  ),
                ),
              ]),
            ]),
          }),
        }),
      ],
      identityCenter: anIdentityCenter({ permissionSets: [] }),
    });
    const { plan, files } = kitOf(snapshot);
    expect(plan.permissionSets[0]?.rightSizing).toMatchObject({ outcome: 'narrowed-managed', applied: true });
    const tf = await parseAllTf(files, 'identity-center/');
    expect(resources(tf, 'aws_ssoadmin_managed_policy_attachment').map((r) => r.managed_policy_arn)).toEqual([
      'arn:aws:iam::aws:policy/job-function/Billing',
    ]);
    expect(resources(tf, 'aws_ssoadmin_permission_set_inline_policy')).toEqual([]);
    expect(files.find((f) => f.path === 'identity-center/permission-sets.tf')!.content).toContain(
      '# coverage checked against arn:aws:iam::aws:policy/job-function/Billing version v9',
    );
  });
});

describe('a grant scoped by resource is never replaced automatically', () => {
  it('an inline policy on one bucket: the proposal stays advice, the Terraform keeps today’s policy', () => {
    const scopedPolicy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow' as const, Action: ['s3:*', 'sqs:*'], Resource: 'arn:aws:s3:::payroll-bucket' },
      ],
    };
    const bo = aUser({
      userName: 'bo',
      passwordEnabled: true,
      passwordLastUsed: RECENT,
      tags: { email: 'bo@example.com' },
      inlinePolicies: [{ policyName: 'payroll', document: scopedPolicy }],
    });
    const snapshot = aSnapshot({
      accounts: [
        anAccount({
          iam: anIamSlice({
            users: [bo],
            usage: aUsageSlice([
              aPrincipalUsage(bo.arn, [aServiceUsage('s3', RECENT), aServiceUsage('sqs', null)]),
            ]),
          }),
        }),
      ],
      identityCenter: anIdentityCenter({ permissionSets: [] }),
    });
    const { plan } = kitOf(snapshot);
    const set = plan.permissionSets[0]!;
    expect(set.rightSizing).toMatchObject({
      outcome: 'narrowed-inline',
      applied: false,
      reason: expect.stringContaining('scoped by resource or condition'),
    });
    expect(set.inlinePolicy).toEqual(scopedPolicy);
    expect(plan.accessDiff.summary.narrowed).toBe(0);
  });
});
