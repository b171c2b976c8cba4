import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aPermissionSet,
  aRole,
  aSnapshot,
  aTrustPolicy,
  aUser,
} from '../../fixtures/builders/index.js';
import { notCollected } from '../../src/inventory/collection.js';
import { ACCESS_DIFF_COLUMNS } from '../../src/migration-kit/access/access-diff-csv.js';
import { planSchema } from '../../src/migration-kit/plan-schema.js';
import { renderKit } from '../../src/migration-kit/render-kit.js';
import { NOW, planOf } from './support/kit.js';

const READ = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const HUB = '111111111111';
const SPOKE = '222222222222';
const THIRD = '333333333333';
const readOnly = { policyName: 'ReadOnlyAccess', policyArn: READ };

/**
 * jane.doe: read-only in the hub (assuming a role in the spoke from there) and in a third account whose
 * IAM groups were not collected; jdoe (a weak flast match for Jane) and =HYPERLINK (nobody) in the spoke.
 */
function organization() {
  const jane = (accountId: string) =>
    aUser({ accountId, userName: 'jane.doe', passwordEnabled: true, attachedPolicies: [readOnly] });
  const spokeRole = aRole({
    accountId: SPOKE,
    roleName: 'ops',
    trustPolicy: aTrustPolicy({ AWS: `arn:aws:iam::${HUB}:user/jane.doe` }),
  });
  const third = anIamSlice({ accountId: THIRD, users: [jane(THIRD)] });
  return aSnapshot({
    accounts: [
      anAccount({ id: HUB, name: 'hub', iam: anIamSlice({ accountId: HUB, users: [jane(HUB)] }) }),
      anAccount({
        id: SPOKE,
        name: 'spoke',
        iam: anIamSlice({
          accountId: SPOKE,
          users: [
            aUser({
              accountId: SPOKE,
              userName: 'jdoe',
              passwordEnabled: true,
              attachedPolicies: [readOnly],
            }),
            aUser({
              accountId: SPOKE,
              userName: '=HYPERLINK("http://x")',
              passwordEnabled: true,
              attachedPolicies: [readOnly],
            }),
          ],
          roles: [spokeRole],
        }),
      }),
      anAccount({ id: THIRD, name: 'third', iam: { ...third, groups: notCollected('AccessDenied') } }),
    ],
    identityCenter: anIdentityCenter({
      permissionSets: [aPermissionSet({ name: 'ReadOnlyAccess' })],
      identityStore: {
        users: [
          { userId: 'u-jane', userName: 'jane.doe', displayName: 'Jane Doe', emails: ['jane@example.com'] },
        ],
      },
    }),
  });
}

describe('the access diff (plan.json accessDiff, access-diff.csv, the runbook section)', () => {
  it('says kept, narrowed, removed and confirm-first per person, account and permission', () => {
    const plan = planOf(organization());
    const rows = plan.accessDiff.rows.map((r) => [r.change, r.person, r.accountId, r.permission]);
    expect(rows).toEqual([
      ['removed', 'jane.doe', SPOKE, 'role ops'],
      ['narrowed', 'jane.doe', THIRD, 'ReadOnlyAccess'],
      ['confirm-first', '', SPOKE, 'ReadOnlyAccess'],
      ['confirm-first', 'jane.doe', SPOKE, 'ReadOnlyAccess'],
      ['kept', 'jane.doe', HUB, 'ReadOnlyAccess'],
    ]);
    expect(plan.accessDiff.summary).toEqual({ kept: 1, narrowed: 1, removed: 1, added: 0, confirmFirst: 2 });
    expect(plan.confirmFirst.map((c) => [c.userName, c.reason])).toEqual([
      ['=HYPERLINK("http://x")', 'unresolved'],
      ['jdoe', 'low-confidence'],
    ]);
    // Neither weak link drives a group or an assignment; Jane's spoke access is not planned.
    expect(plan.assignments.map((a) => a.accountId)).toEqual([HUB, THIRD]);
    expect(planSchema.parse(plan)).toEqual(plan);
  });

  it('writes access-diff.csv that a CSV parser reads back, formulas defused', () => {
    const snapshot = organization();
    const plan = planOf(snapshot);
    const files = renderKit(plan, snapshot, {
      scpExemptRoles: [],
      deleteAfterDays: 30,
      runbookFormats: ['md'],
      now: NOW,
    });
    const csv = files.find((f) => f.path === 'access-diff.csv')!;
    const records = parseCsv(csv.content, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(records[0]!)).toEqual([...ACCESS_DIFF_COLUMNS]);
    expect(records).toHaveLength(plan.accessDiff.rows.length);
    const unresolved = records.find((r) => r.change === 'confirm-first' && r.person === '')!;
    expect(unresolved.before).toBe(`IAM user arn:aws:iam::${SPOKE}:user/=HYPERLINK("http://x")`);
    for (const record of records)
      for (const value of Object.values(record)) expect(value).not.toMatch(/^[=+\-@]/);
    const runbook = files.find((f) => f.path === 'runbook.md')!.content;
    expect(runbook).toContain('## Access: today against after the kit');
    expect(runbook).toContain('1 kept, 1 narrowed, 1 removed, 0 added, 2 waiting for a decision');
    expect(runbook).toContain('### Confirm first');
    // jdoe is not in any wave: it is listed under Confirm first, and no command touches it.
    expect(runbook).toMatch(/- \d+\/jdoe \(/);
    expect(runbook).not.toContain('--user-name jdoe');
  });

  it('says the diff is incomplete when Identity Center was not collected', () => {
    const snapshot = organization();
    const plan = planOf({
      ...snapshot,
      identityCenter: { ...snapshot.identityCenter, assignments: notCollected('AccessDenied') },
    });
    expect(plan.accessDiff.complete).toBe(false);
    expect(plan.accessDiff.notes.join(' ')).toMatch(/unknown/);
    expect(plan.assignments.every((a) => a.exists === null)).toBe(true);
  });
});
