import type { Command } from 'commander';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { InputError } from '../io/input-error.js';

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

/** Crawls the organization with the real AWS SDK. */
export async function collectLive(_flags: LiveCollectionFlags, _now: Date): Promise<Snapshot> {
  throw new InputError('live collection is not built yet: use --demo or --snapshot FILE');
}
