import { describe, expect, it } from 'vitest';
import {
  aManagedPolicy,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import { notCollected } from '../../src/inventory/collection.js';
import { planSchema } from '../../src/migration-kit/plan-schema.js';
import { renderKit } from '../../src/migration-kit/render-kit.js';
import { wideningOf } from './support/apply-identity-center-plan.js';
import { NOW, planOf } from './support/kit.js';

const READ = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const HUB = '111111111111';
const SPOKE = '222222222222';
const THIRD = '333333333333';

const policy = (accountId: string, name: string) =>
  aManagedPolicy({ policyName: name, arn: `arn:aws:iam::${accountId}:policy/${name}` });
const jane = (accountId: string) =>
  aUser({
    accountId,
    userName: 'jane.doe',
    passwordEnabled: true,
    attachedPolicies: [
      { policyName: 'ReadOnlyAccess', policyArn: READ },
      { policyName: 'DataLakeAccess', policyArn: `arn:aws:iam::${accountId}:policy/DataLakeAccess` },
    ],
  });

/**
 * Identity Center's DataLake set (ReadOnlyAccess + customer managed DataLakeAccess, boundary
 * DeveloperBoundary) carries jane.doe's IAM users. The hub has both policies, the spoke lacks the
 * boundary, the third account's policies were not collected.
 */
function organization() {
  const third = anIamSlice({ accountId: THIRD, users: [jane(THIRD)] });
  return aSnapshot({
    accounts: [
      anAccount({
        id: HUB,
        name: 'hub',
        iam: anIamSlice({
          accountId: HUB,
          users: [jane(HUB)],
          policies: [policy(HUB, 'DataLakeAccess'), policy(HUB, 'DeveloperBoundary')],
        }),
      }),
      anAccount({
        id: SPOKE,
        name: 'spoke',
        iam: anIamSlice({
          accountId: SPOKE,
          users: [jane(SPOKE)],
          policies: [policy(SPOKE, 'DataLakeAccess')],
        }),
      }),
      anAccount({ id: THIRD, name: 'third', iam: { ...third, policies: notCollected('AccessDenied') } }),
    ],
    identityCenter: anIdentityCenter({
      permissionSets: [
        aPermissionSet({
          name: 'DataLake',
          managedPolicies: [{ arn: READ, name: 'ReadOnlyAccess' }],
          customerManagedPolicies: [{ name: 'DataLakeAccess', path: '/' }],
          permissionsBoundary: {
            managedPolicyArn: null,
            customerManagedPolicy: { name: 'DeveloperBoundary', path: '/' },
          },
        }),
      ],
      identityStore: {
        users: [
          { userId: 'u-jane', userName: 'jane.doe', displayName: 'Jane Doe', emails: ['jane@example.com'] },
        ],
      },
    }),
  });
}

describe('the kit never assigns a permission set whose policy is missing in the account (issue 24)', () => {
  it('leaves the assignment out, lists it with what to create, and keeps its IAM user as it is', () => {
    const snapshot = organization();
    const plan = planOf(snapshot);
    expect(new Set(plan.permissionSets.map((s) => `${s.name} ${s.exists}`))).toEqual(
      new Set(['DataLake true']),
    );
    expect(plan.assignments.map((a) => [a.accountId, a.permissionSet])).toEqual([
      [HUB, 'DataLake'],
      [THIRD, 'DataLake'],
    ]);
    expect(plan.blockedAssignments).toEqual([
      {
        accountId: SPOKE,
        accountName: 'spoke',
        permissionSet: 'DataLake',
        missing: [{ kind: 'permissions-boundary', name: 'DeveloperBoundary', path: '/' }],
        steps: [
          `Create the permissions boundary /DeveloperBoundary in account ${SPOKE} before assigning permission set DataLake.`,
        ],
        iamUsers: [`arn:aws:iam::${SPOKE}:user/jane.doe`],
      },
    ]);
    // Not cut over: listed for a decision, shown in the diff as confirm-first (the IAM user keeps it).
    const spokeUser = plan.people.flatMap((p) => p.iamUsers).find((u) => u.accountId === SPOKE)!;
    expect(spokeUser.cutOver).toBe(false);
    expect(plan.confirmFirst.map((c) => [c.accountId, c.reason])).toEqual([[SPOKE, 'prerequisite-missing']]);
    const row = plan.accessDiff.rows.find((r) => r.accountId === SPOKE)!;
    expect([row.change, row.before, row.after]).toEqual([
      'confirm-first',
      `IAM user arn:aws:iam::${SPOKE}:user/jane.doe`,
      `IAM user arn:aws:iam::${SPOKE}:user/jane.doe (unchanged until decided)`,
    ]);
    expect(plan.accessDiff.summary.added).toBe(0);
    expect(wideningOf(snapshot, plan)).toEqual({ pairs: [], personAccounts: [] });
    expect(planSchema.parse(plan)).toEqual(plan);
  });

  it('says "unknown" as a warning where the account\'s policies were not collected', () => {
    const plan = planOf(organization());
    const warnings = plan.warnings.filter((w) => w.includes('UNKNOWN'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`permission set DataLake in account third (${THIRD})`);
    expect(warnings[0]).toContain(`iam.policies of account ${THIRD} was not collected`);
  });

  it('puts what to create in the runbook before the first wave, and never cuts the blocked user over', () => {
    const snapshot = organization();
    const plan = planOf(snapshot);
    const md = renderKit(plan, snapshot, {
      scpExemptRoles: [],
      deleteAfterDays: 30,
      runbookFormats: ['md'],
      now: NOW,
    }).find((f) => f.path === 'runbook.md')!.content;
    const start = md.indexOf('## Before the first wave');
    const before = md.slice(start, md.indexOf('\n## ', start + 3));
    expect(before).toContain(
      `Create the permissions boundary /DeveloperBoundary in account ${SPOKE} before assigning permission set DataLake.`,
    );
    expect(md).toMatch(/WARNING.*UNKNOWN|UNKNOWN.*not collected/);
    const spokeWave = md.slice(md.indexOf(`(${SPOKE})\n`));
    expect(md.includes(`(${SPOKE})\n`) ? spokeWave.split('\n## ')[0] : '').not.toContain('jane.doe');
    expect(md).toContain(`- ${SPOKE}/jane.doe (prerequisite-missing`);
  });
});
