import pLimit from 'p-limit';
import { notCollected } from '../inventory/collection.js';
import { accountSlicesNotCollected } from '../inventory/slice-placeholders.js';
import { type Account, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../inventory/snapshot-schema.js';
import { TOOL_VERSION } from '../version.js';
import { collectSlice, describeAwsError } from './aws-error.js';
import type { AwsClientFactory, CallCounter } from './client-factory.js';
import { type CollectionProgress, silentProgress } from './collection-progress.js';
import { collectAccountIam } from './iam/collect-account-iam.js';
import type { CredentialReportPolling } from './iam/credential-report.js';
import { collectIdentityCenter } from './identity-center/collect-identity-center.js';
import {
  collectCentralizedRootAccess,
  collectOrganization,
  type OrganizationAccount,
} from './organizations/collect-organization.js';
import { type AccountSelection, selectAccounts } from './select-accounts.js';
import { assumeAccountRole, type CallerIdentity, getCallerIdentity } from './sts/assume-account-role.js';

export interface LiveScanOptions extends AccountSelection {
  roleName: string;
  externalId?: string;
  concurrency: number;
  /** Region of the Identity Center instance; default: the SDK region. */
  ssoRegion?: string;
  /** Recorded as collectedAt (the CLI passes its clock, so --now makes snapshots reproducible). */
  now: Date;
  progress?: CollectionProgress;
  polling?: CredentialReportPolling;
}

/**
 * Who am I → the organization → every selected account (in parallel, bounded) and Identity Center.
 * Anything that fails past the first two steps is recorded in the snapshot and the crawl goes on.
 */
export async function collectSnapshot(
  factory: AwsClientFactory,
  options: LiveScanOptions,
): Promise<Snapshot> {
  const progress = options.progress ?? silentProgress;
  const caller = await getCallerIdentity(factory.sts());
  const inventory = await collectOrganization(factory.organizations(), caller);
  const selection = selectAccounts(inventory.accounts, options);
  progress.begin(selection.scanned.length);
  for (const { account, reason } of selection.skipped) {
    progress.accountDone({
      accountId: account.id,
      name: account.name,
      outcome: 'skipped',
      calls: 0,
      detail: reason,
    });
  }

  const identityCenterPromise = (async () => {
    const region = options.ssoRegion ?? (await factory.defaultRegion());
    return collectIdentityCenter({
      sso: factory.ssoAdmin(region),
      identityStore: factory.identityStore(region),
      region,
      accountIds: selection.scanned.map((a) => a.id),
      onNote: (message) => progress.note(message),
    });
  })();
  const centralizedRootPromise: Promise<Snapshot['organization']['centralizedRootAccess']> =
    inventory.standalone
      ? Promise.resolve(notCollected('the account is not in an organization'))
      : collectSlice(() => collectCentralizedRootAccess(factory.iam()));

  const limit = pLimit(options.concurrency);
  const scanned = await Promise.all(
    selection.scanned.map((account) =>
      limit(() => collectAccount(factory, caller, account, options, progress)),
    ),
  );
  const skipped = selection.skipped.map(({ account, reason }) => skippedAccount(account, reason));
  const [identityCenter, centralizedRootAccess] = await Promise.all([
    identityCenterPromise,
    centralizedRootPromise,
  ]);
  progress.end();

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: options.now.toISOString(),
    source: { kind: 'live', tool: 'keysweep', toolVersion: TOOL_VERSION },
    organization: { ...inventory.organization, centralizedRootAccess },
    accounts: [...scanned, ...skipped].sort((a, b) => a.id.localeCompare(b.id)),
    identityCenter,
  };
}

function accountBase(account: OrganizationAccount) {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    status: account.status,
    ouPath: account.ouPath,
  };
}

function skippedAccount(account: OrganizationAccount, reason: string): Account {
  return {
    ...accountBase(account),
    access: { status: 'skipped', reason },
    iam: accountSlicesNotCollected(reason),
  };
}

async function collectAccount(
  factory: AwsClientFactory,
  caller: CallerIdentity,
  account: OrganizationAccount,
  options: LiveScanOptions,
  progress: CollectionProgress,
): Promise<Account> {
  const counter: CallCounter = { calls: 0 };
  const viaCaller = account.id === caller.accountId;
  let credentials: Awaited<ReturnType<typeof assumeAccountRole>> | undefined;
  if (!viaCaller) {
    counter.calls += 1;
    try {
      credentials = await assumeAccountRole(factory.sts(), {
        accountId: account.id,
        roleName: options.roleName,
        externalId: options.externalId,
        partition: caller.partition,
      });
    } catch (error) {
      const described = describeAwsError(error);
      progress.accountDone({
        accountId: account.id,
        name: account.name,
        outcome: 'failed',
        calls: counter.calls,
        detail: `AssumeRole ${options.roleName}: ${described.code}: ${described.message}`,
      });
      return {
        ...accountBase(account),
        access: {
          status: 'failed',
          error: { code: described.code, message: `AssumeRole ${options.roleName}: ${described.message}` },
        },
        iam: accountSlicesNotCollected(`could not assume ${options.roleName}: ${described.code}`),
      };
    }
  }
  const iam = factory.iam(credentials, counter);
  try {
    const iamSlice = await collectAccountIam({
      iam,
      accountId: account.id,
      partition: caller.partition,
      polling: options.polling,
    });
    const problems = Object.entries(iamSlice)
      .filter(([, s]) => s.status !== 'ok')
      .map(([name, s]) => `${name}: ${s.status === 'failed' ? s.error.code : 'not collected'}`);
    progress.accountDone({
      accountId: account.id,
      name: account.name,
      outcome: problems.length > 0 ? 'partial' : 'complete',
      calls: counter.calls,
      ...(problems.length > 0 ? { detail: problems.join(', ') } : {}),
    });
    return {
      ...accountBase(account),
      access: { status: 'ok', via: viaCaller ? 'caller' : 'assume-role' },
      iam: iamSlice,
    };
  } finally {
    iam.destroy();
  }
}
