import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anAccessKey,
  anAccount,
  anIamSlice,
  anIdentityCenter,
  aSnapshot,
  aUser,
} from '../../../fixtures/builders/index.js';
import { collectedData } from '../../../src/inventory/slice-reader.js';
import type { Snapshot } from '../../../src/inventory/snapshot-schema.js';
import { classifyUser } from '../../../src/knowledge/classify-user.js';
import { daysSince } from '../../../src/knowledge/time.js';
import { buildInventoryStats } from '../../../src/report/model/inventory-stats.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];

/** The counts as first written (a pass over the assignments per account, a comparator sort of the ages). */
function referenceCounts(snapshot: Snapshot) {
  const ages: number[] = [];
  const assignments = collectedData(snapshot.identityCenter.assignments) ?? [];
  const memberships = collectedData(snapshot.identityCenter.identityStore)?.memberships ?? [];
  const accounts = snapshot.accounts.map((account) => {
    const users = collectedData(account.iam.users) ?? [];
    let humans = 0;
    let activeKeys = 0;
    for (const user of users) {
      if (classifyUser(user).kind === 'human') humans += 1;
      for (const key of user.accessKeys) {
        if (key.status !== 'Active') continue;
        activeKeys += 1;
        ages.push(daysSince(key.createDate, NOW));
      }
    }
    const here = assignments.filter((a) => a.accountId === account.id);
    const principals = new Set(here.map((a) => `${a.principalType}:${a.principalId}`));
    const people = new Set<string>();
    for (const assignment of here) {
      if (assignment.principalType === 'USER') people.add(assignment.principalId);
      else for (const m of memberships) if (m.groupId === assignment.principalId) people.add(m.userId);
    }
    return {
      accountId: account.id,
      accountName: account.name,
      iamUsers: users.length,
      humanIamUsers: humans,
      workloadIamUsers: users.length - humans,
      identityCenterPrincipals: principals.size,
      identityCenterUsers: people.size,
      activeAccessKeys: activeKeys,
    };
  });
  return { activeAccessKeyAgesDays: ages.sort((a, b) => a - b), accounts };
}

const day = fc
  .integer({ min: 0, max: 4000 })
  .map((d) => new Date(Date.UTC(2016, 0, 1) + d * 86_400_000).toISOString());
const users = fc.array(
  fc.record({
    name: fc.constantFrom('alice.smith', 'deploy-bot', 'svc-ci', 'bob', 'carol@example.com'),
    password: fc.boolean(),
    keys: fc.array(fc.record({ active: fc.boolean(), created: day }), { maxLength: 3 }),
  }),
  { maxLength: 6 },
);
const principal = fc.constantFrom('u1', 'u2', 'u3', 'g1', 'g2');

describe('inventory counts', () => {
  it('count users, keys, ages and Identity Center reach as the first, per-account version did (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(users, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.record({
            account: fc.constantFrom(...ACCOUNTS, '999999999999'),
            principal,
            arn: fc.constantFrom('ps1', 'ps2'),
          }),
          { maxLength: 12 },
        ),
        fc.array(
          fc.record({
            groupId: fc.constantFrom('g1', 'g2', 'g3'),
            userId: fc.constantFrom('u1', 'u2', 'u4'),
          }),
          {
            maxLength: 8,
          },
        ),
        (perAccount, assignments, memberships) => {
          const snapshot = aSnapshot({
            accounts: perAccount.map((people, a) =>
              anAccount({
                id: ACCOUNTS[a]!,
                iam: anIamSlice({
                  accountId: ACCOUNTS[a]!,
                  users: people.map((p, u) =>
                    aUser({
                      accountId: ACCOUNTS[a]!,
                      userName: `${p.name}${u}`,
                      passwordEnabled: p.password,
                      accessKeys: p.keys.map((k, i) =>
                        anAccessKey({
                          accessKeyId: `AKIA${a}${u}${i}`,
                          status: k.active ? 'Active' : 'Inactive',
                          createDate: k.created,
                        }),
                      ),
                    }),
                  ),
                }),
              }),
            ),
            identityCenter: anIdentityCenter({
              assignments: assignments.map((x) => ({
                accountId: x.account,
                permissionSetArn: x.arn,
                principalType: x.principal.startsWith('g') ? 'GROUP' : 'USER',
                principalId: x.principal,
              })),
              identityStore: { memberships },
            }),
          });
          const stats = buildInventoryStats(snapshot, NOW);
          expect({
            activeAccessKeyAgesDays: stats.activeAccessKeyAgesDays,
            accounts: stats.accounts,
          }).toEqual(referenceCounts(snapshot));
        },
      ),
      { numRuns: 200 },
    );
  });
});
