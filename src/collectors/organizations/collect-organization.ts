import { type IAMClient, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import {
  DescribeOrganizationCommand,
  type DescribeOrganizationCommandOutput,
  type OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import type { Account, Snapshot } from '../../inventory/snapshot-schema.js';
import { isErrorCode } from '../aws-error.js';

export interface OrganizationAccount {
  id: string;
  name: string;
  email: string;
  status: Account['status'];
  ouPath: string[];
  /** Every OU (and the root) above the account: what --ou matches. */
  ancestorIds: string[];
}

export interface OrganizationInventory {
  organization: Omit<Snapshot['organization'], 'centralizedRootAccess' | 'rootCredentialsAudit'>;
  accounts: OrganizationAccount[];
  standalone: boolean;
}

type Ou = Snapshot['organization']['organizationalUnits'][number];

/**
 * Describes the organization, its accounts and where each sits in the OU tree. A caller outside any
 * organization gets a standalone inventory of its own account.
 */
export async function collectOrganization(
  organizations: OrganizationsClient,
  caller: { accountId: string },
): Promise<OrganizationInventory> {
  let described: DescribeOrganizationCommandOutput;
  try {
    described = await organizations.send(new DescribeOrganizationCommand({}));
  } catch (error) {
    if (isErrorCode(error, 'AWSOrganizationsNotInUseException')) return standaloneInventory(caller.accountId);
    throw error;
  }
  const org = described.Organization;

  const listed: Array<{ Id?: string; Name?: string; Email?: string; Status?: string; State?: string }> = [];
  for await (const page of paginateListAccounts({ client: organizations }, {}))
    listed.push(...(page.Accounts ?? []));

  const units: Ou[] = [];
  const placement = new Map<string, { ouPath: string[]; ancestorIds: string[] }>();
  const roots: string[] = [];
  for await (const page of paginateListRoots({ client: organizations }, {})) {
    for (const root of page.Roots ?? []) if (root.Id) roots.push(root.Id);
  }
  // Breadth-first over the OU tree: one ListOrganizationalUnitsForParent and one ListAccountsForParent per node.
  const queue = roots.map((id) => ({
    id,
    ouPath: [] as string[],
    ancestorIds: [id],
    ouParent: null as string | null,
  }));
  while (queue.length > 0) {
    const node = queue.shift();
    if (!node) break;
    for await (const page of paginateListAccountsForParent(
      { client: organizations },
      { ParentId: node.id },
    )) {
      for (const account of page.Accounts ?? []) {
        if (account.Id) placement.set(account.Id, { ouPath: node.ouPath, ancestorIds: node.ancestorIds });
      }
    }
    for await (const page of paginateListOrganizationalUnitsForParent(
      { client: organizations },
      { ParentId: node.id },
    )) {
      for (const ou of page.OrganizationalUnits ?? []) {
        if (!ou.Id) continue;
        const name = ou.Name ?? ou.Id;
        units.push({ id: ou.Id, name, parentId: node.ouParent });
        queue.push({
          id: ou.Id,
          ouPath: [...node.ouPath, name],
          ancestorIds: [...node.ancestorIds, ou.Id],
          ouParent: ou.Id,
        });
      }
    }
  }

  const accounts = listed
    .filter((a): a is typeof a & { Id: string } => typeof a.Id === 'string')
    .map((a) => ({
      id: a.Id,
      name: a.Name ?? a.Id,
      email: a.Email ?? '',
      status: accountStatus(a.State ?? a.Status),
      ouPath: placement.get(a.Id)?.ouPath ?? [],
      ancestorIds: placement.get(a.Id)?.ancestorIds ?? [],
    }))
    .sort((x, y) => x.id.localeCompare(y.id));

  return {
    organization: {
      id: org?.Id ?? null,
      managementAccountId: org?.MasterAccountId ?? null,
      featureSet: org?.FeatureSet === 'CONSOLIDATED_BILLING' ? 'CONSOLIDATED_BILLING' : 'ALL',
      organizationalUnits: units,
    },
    accounts,
    standalone: false,
  };
}

function standaloneInventory(accountId: string): OrganizationInventory {
  return {
    organization: { id: null, managementAccountId: null, featureSet: 'NONE', organizationalUnits: [] },
    accounts: [{ id: accountId, name: accountId, email: '', status: 'ACTIVE', ouPath: [], ancestorIds: [] }],
    standalone: true,
  };
}

/** Organizations reports State (new) and Status (deprecated); keysweep keeps the older vocabulary. */
function accountStatus(value: string | undefined): Account['status'] {
  if (value === 'ACTIVE' || value === 'SUSPENDED' || value === 'PENDING_CLOSURE') return value;
  return 'UNKNOWN';
}

export interface CentralizedRootAccess {
  rootCredentialsManagement: boolean;
  rootSessions: boolean;
}

/** iam:ListOrganizationsFeatures: whether member root credentials are managed centrally. */
export async function collectCentralizedRootAccess(iam: IAMClient): Promise<CentralizedRootAccess> {
  const response = await iam.send(new ListOrganizationsFeaturesCommand({}));
  const enabled = new Set<string>(response.EnabledFeatures ?? []);
  return {
    rootCredentialsManagement: enabled.has('RootCredentialsManagement'),
    rootSessions: enabled.has('RootSessions'),
  };
}
