import type { IAMClient } from '@aws-sdk/client-iam';
import { failed, notCollected, SKIPPED_ON_REQUEST, type Slice } from '../../inventory/collection.js';
import type { AccountUsage, UsageCost } from '../../inventory/iam-usage-schema.js';
import { describeAwsError } from '../aws-error.js';
import type { AwsClientFactory } from '../client-factory.js';
import type { CollectionProgress } from '../collection-progress.js';
import type { AccountIamSlices } from '../iam/collect-account-iam.js';
import {
  collectAccountUsage,
  describeUsageCost,
  type JobPacing,
  type UsagePrincipal,
} from './collect-account-usage.js';
import type { JobPolling } from './last-accessed-job.js';
import { findOrganizationUnusedAccessAnalyzer, type UnusedAccessAnalyzer } from './unused-access-analyzer.js';

export interface UsageOptions {
  /** `--usage-window`: the days "unused" is judged over. */
  windowDays: number;
  polling?: JobPolling;
  pacing?: JobPacing;
}

export const USAGE_NOT_REQUESTED = `${SKIPPED_ON_REQUEST}usage evidence not collected (--no-usage)`;

/** The usage side of one crawl: the analyzer found once, the cost summed over the accounts. */
export interface UsageRun {
  options: UsageOptions | undefined;
  analyzer: {
    client: ReturnType<NonNullable<AwsClientFactory['accessAnalyzer']>>;
    analyzer: UnusedAccessAnalyzer;
  } | null;
  progress: CollectionProgress;
  total: UsageCost & { accounts: number };
  finish(): void;
}

/**
 * Starts the usage side of a crawl: looks once for an organization unused-access analyzer visible to
 * the caller (none, or no permission to look: every principal gets a last-accessed job).
 */
export async function usageRun(
  factory: AwsClientFactory,
  options: UsageOptions | undefined,
  progress: CollectionProgress,
): Promise<UsageRun> {
  const total = { jobs: 0, polls: 0, findingReads: 0, seconds: 0, accounts: 0 };
  let analyzer: UsageRun['analyzer'] = null;
  if (options && factory.accessAnalyzer) {
    const client = factory.accessAnalyzer(await factory.defaultRegion());
    try {
      const found = await findOrganizationUnusedAccessAnalyzer(client);
      if (found) {
        analyzer = { client, analyzer: found };
        progress.note(
          `usage: reading organization unused-access analyzer ${found.name} instead of jobs where it covers`,
        );
      } else client.destroy();
    } catch (error) {
      client.destroy();
      progress.note(
        `usage: no organization unused-access analyzer readable (${describeAwsError(error).code}); last-accessed jobs for every principal`,
      );
    }
  }
  return {
    options,
    analyzer,
    progress,
    total,
    finish() {
      analyzer?.client.destroy();
      if (options && total.accounts > 0)
        progress.note(
          `usage evidence: ${total.accounts} account(s), ${total.jobs} job(s), ${total.polls} poll(s), ${total.findingReads} analyzer read(s), ${total.seconds.toFixed(1)} s of job time`,
        );
    },
  };
}

/** The `iam.usage` slice of one account, from the principals the IAM collector read there. */
export async function usageOfAccount(
  run: UsageRun,
  iam: IAMClient,
  accountId: string,
  slices: AccountIamSlices,
): Promise<Slice<AccountUsage>> {
  if (!run.options) return notCollected(USAGE_NOT_REQUESTED);
  const { users, roles } = slices;
  if (users.status !== 'ok' || roles.status !== 'ok') {
    const missing = users.status !== 'ok' ? 'iam.users' : 'iam.roles';
    return failed(
      'PrincipalsUnknown',
      `usage needs the account's principals, and ${missing} was not collected`,
    );
  }
  const principals: UsagePrincipal[] = [
    ...users.data.map((u) => ({
      arn: u.arn,
      path: u.path,
      name: u.userName,
      kind: 'user' as const,
      tags: u.tags,
    })),
    ...roles.data.map((r) => ({
      arn: r.arn,
      path: r.path,
      name: r.roleName,
      kind: 'role' as const,
      tags: r.tags,
    })),
  ];
  const usage = await collectAccountUsage({
    iam,
    accountId,
    principals,
    windowDays: run.options.windowDays,
    ...(run.options.polling ? { polling: run.options.polling } : {}),
    ...(run.options.pacing ? { pacing: run.options.pacing } : {}),
    analyzer: run.analyzer,
    onNote: (message) => run.progress.note(message),
  });
  if (usage.status === 'ok') {
    const { cost } = usage.data;
    run.total.accounts += 1;
    run.total.jobs += cost.jobs;
    run.total.polls += cost.polls;
    run.total.findingReads += cost.findingReads;
    run.total.seconds += cost.seconds;
    run.progress.note(describeUsageCost(accountId, cost));
  }
  return usage;
}
