import type { Slice } from '../inventory/collection.js';
import type { IamSlice } from '../inventory/iam-schema.js';
import type { IdentityCenterSlice } from '../inventory/identity-center-schema.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';

type DataOf<S> = Extract<S, { status: 'ok' }> extends { data: infer T } ? T : never;

/** Every slice a rule can require, with where it lives. */
export interface SliceData {
  'iam.users': DataOf<IamSlice['users']>;
  'iam.groups': DataOf<IamSlice['groups']>;
  'iam.policies': DataOf<IamSlice['policies']>;
  'iam.passwordPolicy': DataOf<IamSlice['passwordPolicy']>;
  'iam.accountSummary': DataOf<IamSlice['accountSummary']>;
  'iam.root': DataOf<IamSlice['root']>;
  'iam.roles': DataOf<IamSlice['roles']>;
  'iam.identityProviders': DataOf<IamSlice['identityProviders']>;
  'org.centralizedRootAccess': DataOf<Snapshot['organization']['centralizedRootAccess']>;
  'sso.instance': DataOf<IdentityCenterSlice['instance']>;
  'sso.permissionSets': DataOf<IdentityCenterSlice['permissionSets']>;
  'sso.assignments': DataOf<IdentityCenterSlice['assignments']>;
  'sso.provisioning': DataOf<IdentityCenterSlice['provisioning']>;
  'sso.identityStore': DataOf<IdentityCenterSlice['identityStore']>;
}
export type SliceName = keyof SliceData;

export const ACCOUNT_SLICES = [
  'iam.users',
  'iam.groups',
  'iam.policies',
  'iam.passwordPolicy',
  'iam.accountSummary',
  'iam.root',
  'iam.roles',
  'iam.identityProviders',
] as const satisfies readonly SliceName[];

/** Finds a slice in the snapshot; account slices need the account. */
export function lookupSlice(snapshot: Snapshot, name: SliceName, account?: Account): Slice<unknown> {
  switch (name) {
    case 'org.centralizedRootAccess':
      return snapshot.organization.centralizedRootAccess;
    case 'sso.instance':
      return snapshot.identityCenter.instance;
    case 'sso.permissionSets':
      return snapshot.identityCenter.permissionSets;
    case 'sso.assignments':
      return snapshot.identityCenter.assignments;
    case 'sso.provisioning':
      return snapshot.identityCenter.provisioning;
    case 'sso.identityStore':
      return snapshot.identityCenter.identityStore;
    default: {
      if (!account) throw new Error(`slice ${name} is per account; an organization rule cannot require it`);
      const key = name.slice('iam.'.length) as keyof IamSlice;
      return account.iam[key];
    }
  }
}
