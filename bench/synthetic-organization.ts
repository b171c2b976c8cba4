import {
  aGroup,
  anAccessKey,
  anAccount,
  anIamSlice,
  anMfaDevice,
  aSnapshot,
  aUser,
} from '../fixtures/builders/index.js';
import type { IamUser } from '../src/inventory/iam-schema.js';
import type { Account, Snapshot } from '../src/inventory/snapshot-schema.js';
import type { SnapshotHeader } from '../src/inventory/streaming/write-snapshot-stream.js';

/** A deterministic organization of the given size, with a realistic mix of people and automation. */
export function syntheticOrganization(accounts: number, usersPerAccount: number): Snapshot {
  return { ...syntheticHeader(), accounts: [...syntheticAccounts(accounts, usersPerAccount)] };
}

/** The organization-level part of the synthetic snapshot (no Identity Center, one management account). */
export function syntheticHeader(): SnapshotHeader {
  const { accounts: _accounts, ...header } = aSnapshot({ accounts: [] });
  return header;
}

/** The accounts one at a time, so a million-user snapshot can be written without holding it. */
export function* syntheticAccounts(accounts: number, usersPerAccount: number): Generator<Account> {
  for (let a = 0; a < accounts; a += 1) yield syntheticAccount(a, usersPerAccount);
}

const PEOPLE_GROUPS = [
  'Developers',
  'Developers',
  'Developers',
  'Developers',
  'Auditors',
  'Auditors',
  'Former',
];

function syntheticAccount(a: number, usersPerAccount: number): Account {
  const id = String(200000000000 + a);
  const users: IamUser[] = [];
  for (let u = 0; u < usersPerAccount; u += 1) {
    const person = u % 3 === 0;
    const keyAge = (u * 37 + a) % 500;
    users.push(
      aUser({
        accountId: id,
        userName: person ? `person-${u}` : `svc-${u}`,
        passwordEnabled: person,
        passwordLastUsed: person ? '2026-10-01T00:00:00.000Z' : null,
        mfaDevices: person && u % 2 === 0 ? [anMfaDevice()] : [],
        groups: person ? [PEOPLE_GROUPS[(u + a) % PEOPLE_GROUPS.length]!] : [],
        accessKeys: [
          anAccessKey({
            accessKeyId: `AKIA${id}${String(u).padStart(8, '0')}`,
            createDate: new Date(Date.parse('2026-11-20T00:00:00Z') - keyAge * 86_400_000).toISOString(),
            lastUsedDate: u % 5 === 0 ? null : '2026-11-10T00:00:00.000Z',
            lastUsedService: u % 5 === 0 ? null : 's3',
          }),
        ],
      }),
    );
  }
  // People get their permissions from the account's groups, so the migration planner groups them into
  // permission sets across the organization (one in seven people holds nothing: delete, not migrate).
  const groups = [
    aGroup({
      accountId: id,
      groupName: 'Developers',
      attachedPolicies: [
        { policyName: 'PowerUserAccess', policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
      ],
    }),
    aGroup({
      accountId: id,
      groupName: 'Auditors',
      attachedPolicies: [
        { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      ],
    }),
    aGroup({ accountId: id, groupName: 'Former' }),
  ];
  return anAccount({ id, name: `acct-${a}`, iam: anIamSlice({ accountId: id, users, groups }) });
}
