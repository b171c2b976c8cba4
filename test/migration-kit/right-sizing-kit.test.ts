import { describe, expect, it } from 'vitest';
import {
  aGroup,
  anAccount,
  anIamSlice,
  aPrincipalUsage,
  aServiceUsage,
  aSnapshot,
  aUsageSlice,
  aUser,
} from '../../fixtures/builders/index.js';
import { failed } from '../../src/inventory/collection.js';
import { heldByAll, heldByUser } from '../../src/knowledge/held-permissions.js';
import { globMatch } from '../../src/knowledge/identity-policy-allows.js';
import { validateInlinePolicy } from '../../src/knowledge/right-sizing.js';
import { IAM_SERVICE_REFERENCE as reference } from '../../src/knowledge/service-reference.js';
import { demoKit, planOf } from './support/kit.js';

describe('right-sized permission sets in the kit', () => {
  it('the demo kit proposes a narrower AdministratorAccess, with its evidence in plan.json and runbook.md', async () => {
    const { snapshot, plan, files } = await demoKit();
    const admin = plan.permissionSets.find((s) => s.name === 'AdministratorAccess');
    const r = admin?.rightSizing;
    expect(r?.outcome).toBe('narrowed-inline');
    if (!r?.inlinePolicy) throw new Error('no proposal');
    expect(r.windowDays).toBe(90);
    expect(r.sources).toEqual(['last-accessed-job']);
    expect(r.services.map((s) => s.namespace)).toEqual(['cloudwatch', 'ec2', 'iam', 's3']);
    expect(r.servicesHeld).toBeGreaterThan(r.services.length);
    expect(r.services.find((s) => s.namespace === 'ec2')).toMatchObject({
      actionLevel: true,
      actions: ['ec2:DescribeInstances', 'ec2:StartInstances'],
    });
    expect(r.statements.map((s) => s.confidence)).toEqual(['high', 'medium', 'review']);
    // Valid (JSON, size, action names) and within what every member holds today.
    expect(validateInlinePolicy(r.inlinePolicy, reference)).toBeNull();
    const members = plan.people.flatMap((p) => p.iamUsers).filter((u) => p(u));
    function p(u: { targetPermissionSet?: string }) {
      return u.targetPermissionSet === 'AdministratorAccess';
    }
    expect(members.length).toBeGreaterThan(3);
    const held = heldByAll(
      members.map((m) => {
        const account = snapshot.accounts.find((a) => a.id === m.accountId)!;
        const iam = account.iam;
        if (iam.users.status !== 'ok' || iam.groups.status !== 'ok' || iam.policies.status !== 'ok')
          throw new Error('x');
        const user = iam.users.data.find((u) => u.arn === m.arn)!;
        return heldByUser(user, iam.groups.data, iam.policies.data)!;
      }),
    );
    for (const statement of r.statements)
      for (const granted of statement.actions) {
        const [service] = granted.split(':');
        for (const action of (reference.actionsOf(service ?? '') ?? []).filter((a) =>
          globMatch(granted, a, true),
        ))
          expect(held(action), action).toBe(true);
      }
    const planJson = JSON.parse(files.find((f) => f.path === 'plan.json')!.content);
    expect(
      planJson.permissionSets.find((s: { name: string }) => s.name === 'AdministratorAccess').rightSizing
        .outcome,
    ).toBe('narrowed-inline');
    const runbook = files.find((f) => f.path === 'runbook.md')!.content;
    expect(runbook).toContain('## Right-sized permission sets (from usage evidence)');
    expect(runbook).toContain('### AdministratorAccess: narrowed (generated inline policy)');
    expect(runbook).toMatch(
      /ec2: last used 2026-11-\d\d by \d+ of the set's people \(actions: ec2:DescribeInstances, ec2:StartInstances\)/,
    );
    expect(runbook).toContain('Review ReviewUntracked (confidence review)');
  });

  it('says unknown, never narrowed, when a member account’s usage was not collected', () => {
    const admins = aGroup({
      groupName: 'Admins',
      attachedPolicies: [
        { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      ],
    });
    const user = aUser({
      userName: 'dana',
      groups: ['Admins'],
      passwordEnabled: true,
      passwordLastUsed: '2026-11-30T00:00:00.000Z',
    });
    const withUsage = (usage: ReturnType<typeof aUsageSlice>) =>
      aSnapshot({ accounts: [anAccount({ iam: anIamSlice({ users: [user], groups: [admins], usage }) })] });
    const used = planOf(
      withUsage(
        aUsageSlice([
          aPrincipalUsage(user.arn, [
            aServiceUsage('s3', '2026-11-29T00:00:00.000Z'),
            aServiceUsage('ec2', null),
          ]),
        ]),
      ),
    );
    expect(used.permissionSets[0]?.rightSizing).toMatchObject({ outcome: 'narrowed-inline' });
    const missing = planOf(withUsage(failed('AccessDenied', 'denied')));
    expect(missing.permissionSets[0]?.rightSizing).toMatchObject({
      outcome: 'unknown',
      inlinePolicy: null,
      statements: [],
    });
  });
});
