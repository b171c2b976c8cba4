import pLimit from 'p-limit';
import { collectsOrganizationData, inShard, type ShardSpec, shardOf } from '../inventory/account-shard.js';
import { notCollected, skippedOnRequest } from '../inventory/collection.js';
import { accountSlicesNotCollected, identityCenterSlices } from '../inventory/slice-placeholders.js';
import { type Account, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../inventory/snapshot-schema.js';
import { TOOL_VERSION } from '../version.js';
import { collectSlice, describeAwsError } from './aws-error.js';
import type { CrawlCheckpoint } from './checkpoint/crawl-checkpoint.js';
import type { AwsClientFactory, AwsCredentials, CallCounter } from './client-factory.js';
import { type CollectionProgress, silentProgress } from './collection-progress.js';
import { collectAccountIam } from './iam/collect-account-iam.js';
import type { CredentialReportPolling } from './iam/credential-report.js';
import { collectRootCredentialsAudit, rootAuditSkipped } from './iam/root-credentials-audit.js';
import { type UsageOptions, usageOfAccount, usageRun } from './iam-usage/usage-of-account.js';
import {
  collectAccountInstancesAcrossRegions,
  defaultInstanceRegions,
} from './identity-center/account-instances-across-regions.js';
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
  /**
   * Regions to search for account instances of Identity Center (--instance-regions); default: the
   * Identity Center region plus the organization instance's other regions where `sso.regions` knows them.
   */
  instanceRegions?: string[];
  /** Recorded as collectedAt (the CLI passes its clock, so --now makes snapshots reproducible). */
  now: Date;
  progress?: CollectionProgress;
  polling?: CredentialReportPolling;
  /** Crawl only the accounts of this shard; organization-wide data only in shard 1. */
  shard?: ShardSpec;
  /**
   * Organization-wide data (Identity Center, centralized root access): `only` collects just that (a
   * separate `--org-only` job), `skip` leaves it to such a job (`--accounts-only`); default: shard 1.
   */
  organizationData?: 'only' | 'skip';
  /** Per-account progress beside the output (the CLI's --out/--resume); opened once the org is known. */
  openCheckpoint?: (organizationId: string | null) => Promise<CrawlCheckpoint>;
  /** Collect the usage evidence (`iam.usage`); absent: not collected (`--no-usage`). */
  usage?: UsageOptions;
  /** Measures per-account durations; injected in tests. */
  clock?: () => number;
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
  const clock = options.clock ?? (() => performance.now());
  const caller = await getCallerIdentity(factory.sts());
  const inventory = await collectOrganization(factory.organizations(), caller);
  const selection = selectAccounts(inventory.accounts, options);
  const { shard } = options;
  const orgOnly = options.organizationData === 'only';
  const mine = orgOnly ? [] : selection.scanned.filter((a) => inShard(a.id, shard));
  const otherShards = selection.scanned
    .filter((a) => orgOnly || !inShard(a.id, shard))
    .map((account) => ({
      account,
      reason: orgOnly
        ? 'not crawled: organization-wide data only (--org-only)'
        : `in shard ${shardOf(account.id, shard?.count ?? 1)}/${shard?.count} (--shard)`,
    }));
  const checkpoint = await options.openCheckpoint?.(inventory.organization.id);
  const resumed = mine.flatMap((a) => {
    const done = checkpoint?.finished.get(a.id);
    return done ? [done] : [];
  });
  const toCrawl = mine.filter((a) => !checkpoint?.finished.has(a.id));
  progress.begin(toCrawl.length, options.concurrency);
  if (resumed.length > 0)
    progress.note(`resuming: ${resumed.length} account(s) already collected, ${toCrawl.length} to go`);
  for (const { account, reason } of selection.skipped) {
    progress.accountDone({
      accountId: account.id,
      name: account.name,
      outcome: 'skipped',
      calls: 0,
      detail: reason,
    });
  }

  const orgData =
    options.organizationData === undefined
      ? collectsOrganizationData(shard)
      : options.organizationData === 'only';
  const elsewhere =
    options.organizationData === 'skip'
      ? 'collected by a separate --org-only job (--accounts-only)'
      : `collected by shard 1/${shard?.count}`;
  // The organization instance's regions, as soon as they are read (the default account instance search).
  let tellRegions: (regions: string[] | undefined) => void = () => {};
  const organizationInstanceRegions = new Promise<string[] | undefined>((resolve) => {
    tellRegions = resolve;
  });
  const regionNames = (slice: Snapshot['identityCenter']['regions']) =>
    slice.status === 'ok' ? slice.data.map((r) => r.regionName) : undefined;
  const identityCenterPromise: Promise<Snapshot['identityCenter']> = orgData
    ? (async () => {
        const region = options.ssoRegion ?? (await factory.defaultRegion());
        return collectIdentityCenter({
          sso: factory.ssoAdmin(region),
          identityStore: factory.identityStore(region),
          region,
          // Every selected account, not only shard 1's: assignments are read once for all shards.
          accountIds: selection.scanned.map((a) => a.id),
          onNote: (message) => progress.note(message),
          onRegions: (regions) => tellRegions(regionNames(regions)),
        });
      })()
    : Promise.resolve(identityCenterElsewhere(elsewhere));
  // Paths that never read the regions (no instance, ListInstances failed, another job): resolve after.
  void identityCenterPromise.then(
    (identityCenter) => tellRegions(regionNames(identityCenter.regions)),
    () => tellRegions(undefined),
  );
  const centralizedRootPromise: Promise<Snapshot['organization']['centralizedRootAccess']> = !orgData
    ? Promise.resolve(notCollected(elsewhere))
    : inventory.standalone
      ? Promise.resolve(notCollected('the account is not in an organization'))
      : collectSlice(() => collectCentralizedRootAccess(factory.iam()));
  const rootAuditPromise: Promise<Snapshot['organization']['rootCredentialsAudit']> = !orgData
    ? Promise.resolve(notCollected(elsewhere))
    : inventory.standalone
      ? Promise.resolve(rootAuditSkipped('the account is not in an organization'))
      : centralizedRootPromise.then((centralized) =>
          collectSlice(() =>
            collectRootCredentialsAudit({
              sts: factory.sts(),
              iamWith: (credentials) => factory.iam(credentials),
              partition: caller.partition,
              // The management account's root cannot be assumed; every other selected account is a member.
              memberAccountIds: selection.scanned
                .map((a) => a.id)
                .filter((id) => id !== inventory.organization.managementAccountId),
              rootCredentialsManagement:
                centralized.status === 'ok' ? centralized.data.rootCredentialsManagement : undefined,
            }),
          ),
        );

  const usage = await usageRun(factory, options.usage, progress);
  const limit = pLimit(options.concurrency);
  const crawled = await Promise.all(
    toCrawl.map((account) =>
      limit(async () => {
        const started = clock();
        const collected = await collectAccount(
          factory,
          caller,
          account,
          options,
          progress,
          started,
          clock,
          usage,
          inventory.organization.managementAccountId,
          organizationInstanceRegions,
        );
        const finished = { account: collected, durationMs: Math.round(clock() - started) };
        await checkpoint?.record(finished);
        return finished;
      }),
    ),
  );
  const finished = [...resumed, ...crawled];
  const skipped = [...selection.skipped, ...otherShards].map(({ account, reason }) =>
    skippedAccount(account, reason),
  );
  const [identityCenter, centralizedRootAccess, rootCredentialsAudit] = await Promise.all([
    identityCenterPromise,
    centralizedRootPromise,
    rootAuditPromise,
  ]);
  usage.finish();
  progress.end();

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: options.now.toISOString(),
    source: { kind: 'live', tool: 'keysweep', toolVersion: TOOL_VERSION },
    organization: { ...inventory.organization, centralizedRootAccess, rootCredentialsAudit },
    accounts: [...finished.map((f) => f.account), ...skipped].sort((a, b) => a.id.localeCompare(b.id)),
    identityCenter,
    crawl: {
      ...(shard ? { shard } : {}),
      ...(orgOnly ? { organizationOnly: true } : {}),
      accountDurationsMs: Object.fromEntries(finished.map((f) => [f.account.id, f.durationMs])),
    },
  };
}

function identityCenterElsewhere(reason: string): Snapshot['identityCenter'] {
  // Every Identity Center slice from the slice table, so a new slice is covered without an edit here.
  return identityCenterSlices(() => notCollected(reason));
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
  started: number,
  clock: () => number,
  usage: Awaited<ReturnType<typeof usageRun>>,
  managementAccountId: string | null,
  organizationInstanceRegions: Promise<string[] | undefined>,
): Promise<Account> {
  const counter: CallCounter = { calls: 0 };
  const durationMs = () => Math.round(clock() - started);
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
        durationMs: durationMs(),
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
    const iamSlices = await collectAccountIam({
      iam,
      accountId: account.id,
      partition: caller.partition,
      polling: options.polling,
    });
    const identityCenterInstances = await accountInstancesOf(factory, options, account.id, credentials, {
      managementAccountId,
      organizationInstanceRegions,
    });
    const iamSlice = {
      ...iamSlices,
      usage: await usageOfAccount(usage, iam, account.id, iamSlices),
      identityCenterInstances,
    };
    const problems = Object.entries(iamSlice)
      .filter(([, s]) => s.status !== 'ok' && !skippedOnRequest(s))
      .map(([name, s]) => `${name}: ${s.status === 'failed' ? s.error.code : 'not collected'}`);
    progress.accountDone({
      accountId: account.id,
      name: account.name,
      outcome: problems.length > 0 ? 'partial' : 'complete',
      calls: counter.calls,
      durationMs: durationMs(),
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

/**
 * The `iam.identityCenterInstances` slice: ListInstances with the account's own credentials in each region
 * searched (--instance-regions; default: the Identity Center region plus the organization instance's
 * other regions, once `sso.regions` is read).
 */
async function accountInstancesOf(
  factory: AwsClientFactory,
  options: LiveScanOptions,
  accountId: string,
  credentials: AwsCredentials | undefined,
  org: { managementAccountId: string | null; organizationInstanceRegions: Promise<string[] | undefined> },
): Promise<Account['iam']['identityCenterInstances']> {
  const regions =
    options.instanceRegions ??
    defaultInstanceRegions(
      options.ssoRegion ?? (await factory.defaultRegion()),
      await org.organizationInstanceRegions,
    );
  // Not counted in the account's "IAM/STS calls" progress line: 1 ListInstances per region searched, + 1
  // ListUsers and 1 ListApplications per page of each account instance (README, calls per account).
  return collectSlice(() =>
    collectAccountInstancesAcrossRegions({
      regions,
      clientsIn: (region) => {
        const sso = factory.ssoAdmin(region, credentials);
        const identityStore = factory.identityStore(region, credentials);
        return {
          sso,
          identityStore,
          destroy: () => {
            sso.destroy();
            identityStore.destroy();
          },
        };
      },
      accountId,
      managementAccountId: org.managementAccountId,
    }),
  );
}
