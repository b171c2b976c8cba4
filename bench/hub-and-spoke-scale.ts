// npx tsx bench/hub-and-spoke-scale.ts [-- --people N (500) --spokes M (50) --roles-per-spoke K (10)]
// Worst case for the access derivations: every hub person may assume roles in every spoke account.
// Times the cross-account reach, the hub-and-spoke rule and the access matrix; compare ratios.

import { parseArgs } from 'node:util';
import {
  aGroup,
  anAccount,
  anIamSlice,
  aRole,
  aSnapshot,
  aTrustPolicy,
  aUser,
} from '../fixtures/builders/index.js';
import { buildAccessMatrix } from '../src/access-matrix/access-matrix.js';
import { buildCrossAccountReach } from '../src/knowledge/cross-account-reach.js';
import { ALL_RULES } from '../src/rules/catalog/index.js';
import { evaluate } from '../src/rules/engine.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '500' },
    spokes: { type: 'string', default: '50' },
    'roles-per-spoke': { type: 'string', default: '10' },
  },
});
const HUB = '100000000000';
const users = Array.from({ length: Number(values.people) }, (_, i) =>
  aUser({
    accountId: HUB,
    userName: `person.n${i}`,
    passwordEnabled: true,
    groups: [i % 2 ? 'admins' : 'readers'],
  }),
);
const groups = [
  aGroup({
    accountId: HUB,
    groupName: 'admins',
    attachedPolicies: [
      { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ],
  }),
  aGroup({
    accountId: HUB,
    groupName: 'readers',
    inlinePolicies: [
      {
        policyName: 'assume-read',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/read-*' }],
        },
      },
    ],
  }),
];
const accounts = [anAccount({ id: HUB, iam: anIamSlice({ accountId: HUB, users, groups }) })];
for (let a = 1; a <= Number(values.spokes); a += 1) {
  const id = String(Number(HUB) + a);
  const roles = Array.from({ length: Number(values['roles-per-spoke']) }, (_, r) =>
    aRole({
      accountId: id,
      roleName: `${r % 2 ? 'read' : 'admin'}-${r}`,
      trustPolicy: aTrustPolicy({ AWS: `arn:aws:iam::${HUB}:root` }),
    }),
  );
  accounts.push(anAccount({ id, iam: anIamSlice({ accountId: id, roles }) }));
}
const snapshot = aSnapshot({ accounts });

function time<T>(label: string, fn: () => T): T {
  const start = process.hrtime.bigint();
  const result = fn();
  console.log(
    `${label.padEnd(40)} ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0).padStart(7)} ms`,
  );
  return result;
}

const reach = time('cross-account reach', () => buildCrossAccountReach(snapshot));
console.log(`  ${[...reach.byUser.values()].reduce((n, list) => n + list.length, 0)} (person, role) paths`);
const rule = ALL_RULES.find((r) => r.id === 'iam-user-assumes-cross-account-roles');
if (rule)
  time('rule iam-user-assumes-cross-account-roles', () =>
    evaluate(snapshot, { rules: [rule], now: new Date() }),
  );
const matrix = time('access matrix', () => buildAccessMatrix(snapshot));
console.log(`  ${matrix.rows.length} rows`);
