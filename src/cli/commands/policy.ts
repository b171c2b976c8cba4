import type { Command } from 'commander';
import { buildScanPolicy } from '../../collectors/required-actions.js';
import type { CliIo } from '../cli-io.js';

/** `keysweep policy`: the read-only policy the scan needs, generated from what the collectors call. */
export function registerPolicy(program: Command, io: CliIo): void {
  program
    .command('policy')
    .description('print the read-only IAM policy keysweep needs (attach it to the scan role in each account)')
    .option('--role-name <name>', 'role keysweep assumes in member accounts', 'OrganizationAccountAccessRole')
    .action((flags: { roleName: string }) => {
      io.stdout(JSON.stringify(buildScanPolicy({ roleName: flags.roleName }), null, 2));
    });
}
