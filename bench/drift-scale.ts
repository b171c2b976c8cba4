// Ad-hoc scale check of the desired-state reader and drift comparison: npx tsx bench/drift-scale.ts
// (10,000 live assignments on 500 accounts, a 9,000-instance Terraform state, 10,000 directory users; three runs, the first cold).
import { anAccount, anIdentityCenter, aPermissionSet, aSnapshot } from '../fixtures/builders/index.js';
import { parseDeclaredDocument } from '../src/desired-state/load-desired-state.js';
import { resolveDesiredState } from '../src/desired-state/resolve-desired-state.js';
import { compareDesiredState } from '../src/drift/compare-desired-state.js';

const accounts = Array.from({ length: 500 }, (_, i) => anAccount({ id: String(100000000000 + i) }));
const sets = Array.from({ length: 20 }, (_, i) => aPermissionSet({ name: `Set${i}` }));
const users = Array.from({ length: 10000 }, (_, i) => ({
  userId: `u-${i}`,
  userName: `u${i}`,
  displayName: null,
  emails: [],
}));
const assignments = accounts.flatMap((a, i) =>
  sets.map((s, j) => ({
    accountId: a.id,
    permissionSetArn: s.arn,
    principalType: 'USER' as const,
    principalId: `u-${(i * 20 + j) % 10000}`,
  })),
);
const snapshot = aSnapshot({
  accounts,
  identityCenter: anIdentityCenter({
    permissionSets: sets,
    assignments,
    identityStore: { users, groups: [], memberships: [] },
  }),
});
const state = {
  version: 4,
  lineage: 'x',
  serial: 1,
  resources: [
    {
      mode: 'managed',
      type: 'aws_ssoadmin_account_assignment',
      name: 'a',
      instances: assignments.slice(0, 9000).map((a, k) => ({
        index_key: k,
        attributes: {
          permission_set_arn: a.permissionSetArn,
          principal_id: a.principalId,
          principal_type: 'USER',
          target_id: a.accountId,
          target_type: 'AWS_ACCOUNT',
        },
      })),
    },
  ],
};
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const doc = parseDeclaredDocument('big.tfstate', JSON.stringify(state));
  const t1 = performance.now();
  const drift = compareDesiredState(snapshot, resolveDesiredState(snapshot, [doc]), 'all');
  const t2 = performance.now();
  console.log(
    `${assignments.length} live, 9000 declared, 10000 users: read ${(t1 - t0).toFixed(0)} ms, resolve+compare ${(t2 - t1).toFixed(0)} ms, items ${drift.items.length}`,
  );
}
