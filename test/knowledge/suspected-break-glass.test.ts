import { describe, expect, it } from 'vitest';
import {
  aGroup,
  anAccount,
  anIamSlice,
  anMfaDevice,
  aSnapshot,
  aUser,
} from '../../fixtures/builders/index.js';
import type { IamUser } from '../../src/inventory/iam-schema.js';
import { buildMigrationPlan } from '../../src/knowledge/migration-planner.js';
import { suspectBreakGlass } from '../../src/knowledge/suspected-break-glass.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import { NOW, planOf } from '../migration-kit/support/kit.js';

const MANAGEMENT = '000000000000';
const MEMBER = '111111111111';
const ADMIN = { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' };
const COLLECTED = '2026-11-01T00:00:00.000Z';

const quietAdmin = (overrides: Partial<IamUser> & { accountId?: string } = {}) =>
  aUser({
    accountId: MANAGEMENT,
    userName: 'ops.root',
    passwordEnabled: true,
    passwordLastUsed: '2025-06-01T00:00:00.000Z',
    mfaDevices: [anMfaDevice({ kind: 'hardware' })],
    attachedPolicies: [ADMIN],
    ...overrides,
  });
const context = (inManagementAccount: boolean) => ({
  inManagementAccount,
  groups: [],
  policies: [],
  collectedAt: COLLECTED,
});

describe('suspected break-glass users (untagged)', () => {
  it('suspects emergency-access names anywhere, and quiet MFA administrators in the management account', () => {
    expect(suspectBreakGlass(aUser({ userName: 'break-glass-admin' }), context(false))).toEqual([
      'name "break-glass-admin" reads like emergency access',
    ]);
    expect(suspectBreakGlass(aUser({ userName: 'Emergency.Access' }), context(false))).not.toBeNull();
    expect(suspectBreakGlass(quietAdmin(), context(true))).toEqual([
      'administrator in the management account',
      'hardware MFA',
      'no sign-in or access-key use in the 90 days before the inventory',
    ]);
    // Administrator through an IAM group counts too.
    const viaGroup = quietAdmin({ attachedPolicies: [], groups: ['root-ops'] });
    expect(
      suspectBreakGlass(viaGroup, {
        ...context(true),
        groups: [aGroup({ accountId: MANAGEMENT, groupName: 'root-ops', attachedPolicies: [ADMIN] })],
      }),
    ).not.toBeNull();
  });

  it('does not suspect a member account, a user without MFA, one in use, or one that is not an administrator', () => {
    expect(suspectBreakGlass(quietAdmin(), context(false))).toBeNull();
    expect(suspectBreakGlass(quietAdmin({ mfaDevices: [] }), context(true))).toBeNull();
    expect(
      suspectBreakGlass(quietAdmin({ passwordLastUsed: '2026-10-20T00:00:00.000Z' }), context(true)),
    ).toBeNull();
    expect(suspectBreakGlass(quietAdmin({ attachedPolicies: [] }), context(true))).toBeNull();
    expect(suspectBreakGlass(aUser({ userName: 'glass.blower' }), context(true))).toBeNull();
  });

  const organization = () =>
    aSnapshot({
      managementAccountId: MANAGEMENT,
      accounts: [
        anAccount({
          id: MANAGEMENT,
          name: 'management',
          iam: anIamSlice({ accountId: MANAGEMENT, users: [quietAdmin()] }),
        }),
        anAccount({
          id: MEMBER,
          iam: anIamSlice({
            accountId: MEMBER,
            users: [quietAdmin({ accountId: MEMBER, userName: 'jane.doe' })],
          }),
        }),
      ],
    });

  it('the planner leaves a suspect out of migration and the rules advise to confirm it, not to migrate it', () => {
    const snapshot = organization();
    const plan = buildMigrationPlan(snapshot);
    const suspectArn = `arn:aws:iam::${MANAGEMENT}:user/ops.root`;
    expect(plan.humans.has(suspectArn)).toBe(false);
    expect(plan.suspectedBreakGlass.get(suspectArn)?.reasons[0]).toBe(
      'administrator in the management account',
    );
    expect(plan.humans.has(`arn:aws:iam::${MEMBER}:user/jane.doe`)).toBe(true);
    const report = evaluate(snapshot, { rules: ALL_RULES, now: NOW });
    const advice = report.findings
      .filter((f) => f.resourceArn === suspectArn)
      .map((f) => f.advice.migration?.kind);
    expect(advice.length).toBeGreaterThan(0);
    expect(new Set(advice)).toEqual(new Set(['keep-break-glass']));
  });

  it('the kit lists a suspect under confirm first and gives it no assignment; mapped, it is migrated', () => {
    const snapshot = organization();
    const suspectArn = `arn:aws:iam::${MANAGEMENT}:user/ops.root`;
    const plan = planOf(snapshot);
    expect(plan.confirmFirst).toContainEqual(
      expect.objectContaining({ arn: suspectArn, reason: 'suspected-break-glass' }),
    );
    expect(plan.confirmFirst.find((c) => c.arn === suspectArn)!.decision).toMatch(
      /confirm: tag keysweep:break-glass=true .* or map it/,
    );
    expect(plan.assignments.some((a) => a.accountId === MANAGEMENT)).toBe(false);
    expect(plan.people.flatMap((p) => p.iamUsers).some((u) => u.arn === suspectArn)).toBe(false);

    const mapped = planOf(snapshot, {
      identityMap: new Map([[suspectArn, { iamUserArn: suspectArn, email: 'ops@example.com' }]]),
    });
    expect(mapped.confirmFirst.some((c) => c.arn === suspectArn)).toBe(false);
    expect(mapped.assignments.some((a) => a.accountId === MANAGEMENT)).toBe(true);
  });
});
