import type { Command } from 'commander';
import { checkpointFileFor, openCrawlCheckpoint } from '../collectors/checkpoint/crawl-checkpoint.js';
import type { AwsClientFactory } from '../collectors/client-factory.js';
import { parseShard } from '../inventory/account-shard.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import { markLiveOnly } from './live-only-flags.js';
import { describeLiveStartFailure } from './live-start-failure.js';
import { parseList, parsePositiveInt } from './parse-flags.js';
import { parseInstanceRegions } from './parse-instance-regions.js';
import { createProgress, type ProgressStream } from './progress/progress-reporter.js';
import { hideSdkMaintenanceNotices } from './sdk-notices.js';

export interface LiveCollectionFlags {
  profile?: string;
  region?: string;
  ssoRegion?: string;
  /** `--instance-regions r1,r2`: where to look for account instances of Identity Center. */
  instanceRegions?: string;
  roleName: string;
  externalId?: string;
  accounts?: string;
  excludeAccounts?: string;
  ou?: string;
  concurrency: string;
  callTimeoutBudget: string;
  credentialReportTimeout: string;
  shard?: string;
  /** collect only: organization-wide data only / everything but. */
  orgOnly?: boolean;
  accountsOnly?: boolean;
  quiet?: boolean;
  /** `--usage-window DAYS`: the window "unused" is judged over. */
  usageWindow: string;
  /** `--no-usage` sets this false: no service last accessed jobs, no analyzer findings. */
  usage: boolean;
  /** Show the AWS SDK's own notices (its Node.js version warning); hidden by default. */
  verbose?: boolean;
}

export function addLiveCollectionOptions(command: Command): Command {
  const before = command.options.length;
  command
    .option(
      '--profile <name>',
      'AWS profile (SSO profiles included); default: the SDK default credential chain',
    )
    .option('--region <region>', 'AWS region for regional API calls (default: from the SDK configuration)')
    .option('--sso-region <region>', 'region of the IAM Identity Center instance (default: the SDK region)')
    .option(
      '--instance-regions <regions>',
      "regions to search for account instances of Identity Center (comma-separated; default: the Identity Center region and the instance's other regions)",
    )
    .option('--role-name <name>', 'role to assume in each member account', 'OrganizationAccountAccessRole')
    .option('--external-id <id>', 'external id for AssumeRole')
    .option('--accounts <ids>', 'only these account ids (comma-separated)')
    .option('--exclude-accounts <ids>', 'skip these account ids (comma-separated)')
    .option('--ou <ids>', 'only accounts under these OU ids (comma-separated)')
    .option('--concurrency <n>', 'accounts collected at once', '8')
    .option(
      '--call-timeout-budget <seconds>',
      'time one AWS call may spend retrying throttling, 5xx and timeouts',
      '120',
    )
    .option(
      '--shard <K/N>',
      'crawl only shard K of N (by account id hash); shard 1 also reads Identity Center',
    )
    .option(
      '--credential-report-timeout <seconds>',
      "how long to wait for IAM to build an account's credential report",
      '120',
    )
    .option('--usage-window <days>', 'days of usage evidence "unused" is judged over (IAM keeps ~400)', '90')
    .option(
      '--no-usage',
      'skip the usage evidence (service last accessed jobs); rules needing it: not evaluated',
    );
  markLiveOnly(command, command.options.slice(before));
  return command.option('--verbose', "show the AWS SDK's own notices (such as its Node.js version warning)");
}

export interface LiveCollectionDeps {
  /** Tests hand in a factory of mocked clients; the CLI builds real ones from the flags. */
  factory?: AwsClientFactory;
  progressStream?: ProgressStream;
  /** `collect --out FILE`: progress goes to FILE.partial.jsonl as accounts finish (read back with --resume). */
  checkpoint?: { snapshotFile: string; resume: boolean };
}

/**
 * Crawls the organization with the real AWS SDK. Only a failure to start (no credentials, the
 * organization unreadable, a filter naming nothing) ends the run with one line; everything after that
 * is recorded in the snapshot.
 */
export async function collectLive(
  flags: LiveCollectionFlags,
  now: Date,
  deps: LiveCollectionDeps = {},
): Promise<Snapshot> {
  const concurrency = parsePositiveInt('--concurrency', flags.concurrency);
  const instanceRegions = parseInstanceRegions(flags.instanceRegions);
  hideSdkMaintenanceNotices(flags.verbose);
  const shard = parseShard(flags.shard);
  if (flags.orgOnly && (flags.accountsOnly || shard))
    throw new InputError('--org-only: cannot be combined with --accounts-only or --shard');
  const organizationData = flags.orgOnly ? 'only' : flags.accountsOnly ? 'skip' : undefined;
  const callBudgetMs = parsePositiveInt('--call-timeout-budget', flags.callTimeoutBudget) * 1000;
  const usageWindowDays = parsePositiveInt('--usage-window', flags.usageWindow ?? '90');
  if (usageWindowDays > 400)
    throw new InputError('--usage-window: IAM keeps about 400 days of last accessed data; use at most 400');
  const reportTimeoutMs =
    parsePositiveInt('--credential-report-timeout', flags.credentialReportTimeout) * 1000;
  // The AWS SDK costs ~0.4 s to import: only live runs load it, so offline commands start fast.
  const [{ createAwsClientFactory }, { collectSnapshot }, { DEFAULT_CREDENTIAL_REPORT_POLLING }] =
    await Promise.all([
      import('../collectors/client-factory.js'),
      import('../collectors/collect-snapshot.js'),
      import('../collectors/iam/credential-report.js'),
    ]);
  const factory =
    deps.factory ?? createAwsClientFactory({ profile: flags.profile, region: flags.region, callBudgetMs });
  const progress = createProgress({ stream: deps.progressStream ?? process.stderr, quiet: flags.quiet });
  const selection = {
    onlyAccounts: parseList(flags.accounts),
    excludeAccounts: parseList(flags.excludeAccounts),
    onlyOus: parseList(flags.ou),
  };
  const { checkpoint } = deps;
  try {
    return await collectSnapshot(factory, {
      roleName: flags.roleName,
      externalId: flags.externalId,
      concurrency,
      ssoRegion: flags.ssoRegion,
      ...(instanceRegions ? { instanceRegions } : {}),
      now,
      progress,
      polling: { ...DEFAULT_CREDENTIAL_REPORT_POLLING, timeLimitMs: reportTimeoutMs },
      ...selection,
      ...(shard ? { shard } : {}),
      ...(organizationData ? { organizationData } : {}),
      ...(flags.usage === false ? {} : { usage: { windowDays: usageWindowDays } }),
      ...(checkpoint
        ? {
            openCheckpoint: (organizationId: string | null) =>
              openCrawlCheckpoint(
                checkpointFileFor(checkpoint.snapshotFile),
                { organizationId, roleName: flags.roleName, shard, ...selection },
                checkpoint.resume,
              ),
          }
        : {}),
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeLiveStartFailure(error));
  }
}
