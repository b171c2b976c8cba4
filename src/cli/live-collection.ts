import type { Command } from 'commander';
import type { AwsClientFactory } from '../collectors/client-factory.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';
import { parseList, parsePositiveInt } from './parse-flags.js';
import { createProgress, type ProgressStream } from './progress/progress-reporter.js';

export interface LiveCollectionFlags {
  profile?: string;
  region?: string;
  ssoRegion?: string;
  roleName: string;
  externalId?: string;
  accounts?: string;
  excludeAccounts?: string;
  ou?: string;
  concurrency: string;
  quiet?: boolean;
}

export function addLiveCollectionOptions(command: Command): Command {
  return command
    .option(
      '--profile <name>',
      'AWS profile (SSO profiles included); default: the SDK default credential chain',
    )
    .option('--region <region>', 'AWS region for regional API calls (default: from the SDK configuration)')
    .option('--sso-region <region>', 'region of the IAM Identity Center instance (default: the SDK region)')
    .option('--role-name <name>', 'role to assume in each member account', 'OrganizationAccountAccessRole')
    .option('--external-id <id>', 'external id for AssumeRole')
    .option('--accounts <ids>', 'only these account ids (comma-separated)')
    .option('--exclude-accounts <ids>', 'skip these account ids (comma-separated)')
    .option('--ou <ids>', 'only accounts under these OU ids (comma-separated)')
    .option('--concurrency <n>', 'accounts collected at once', '8');
}

export interface LiveCollectionDeps {
  /** Tests hand in a factory of mocked clients; the CLI builds real ones from the flags. */
  factory?: AwsClientFactory;
  progressStream?: ProgressStream;
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
  // The AWS SDK costs ~0.4 s to import: only live runs load it, so offline commands start fast.
  const [{ describeAwsError }, { createAwsClientFactory }, { collectSnapshot }] = await Promise.all([
    import('../collectors/aws-error.js'),
    import('../collectors/client-factory.js'),
    import('../collectors/collect-snapshot.js'),
  ]);
  const factory = deps.factory ?? createAwsClientFactory({ profile: flags.profile, region: flags.region });
  const progress = createProgress({ stream: deps.progressStream ?? process.stderr, quiet: flags.quiet });
  try {
    return await collectSnapshot(factory, {
      roleName: flags.roleName,
      externalId: flags.externalId,
      concurrency,
      ssoRegion: flags.ssoRegion,
      now,
      progress,
      onlyAccounts: parseList(flags.accounts),
      excludeAccounts: parseList(flags.excludeAccounts),
      onlyOus: parseList(flags.ou),
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    const { code, message } = describeAwsError(error);
    throw new InputError(`cannot start the live scan: ${code}: ${message}`);
  }
}
