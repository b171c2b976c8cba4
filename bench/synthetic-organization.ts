import {
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
        groups: person ? ['Developers'] : [],
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
  return anAccount({ id, name: `acct-${a}`, iam: anIamSlice({ accountId: id, users }) });
}
