/**
 * What `keysweep --help` lists for each command, so that the top-level help (and --version, and an
 * unknown command's "did you mean") loads none of the commands' modules. Each command's own module is
 * loaded only when that command runs or its own help is asked for. A test builds every command and
 * fails when a line here no longer matches it.
 */
export interface CommandSummary {
  name: string;
  /** The command's usage as commander prints it in the parent's help. */
  term: string;
  description: string;
}

export const COMMAND_SUMMARIES: readonly CommandSummary[] = [
  {
    name: 'scan',
    term: 'scan [options]',
    description: 'collect (or load) an inventory, evaluate the rules and write reports',
  },
  {
    name: 'collect',
    term: 'collect [options]',
    description: 'crawl the AWS Organization and write an inventory snapshot (no rules, no reports)',
  },
  {
    name: 'rules',
    term: 'rules [options]',
    description: 'list the rules: id, severity, compliance ids and title (--format json: all metadata)',
  },
  {
    name: 'policy',
    term: 'policy [options]',
    description: 'print the read-only IAM policy keysweep needs (attach it to the scan role in each account)',
  },
  {
    name: 'merge',
    term: 'merge [options] <snapshots...>',
    description: 'merge snapshots of shards of one organization (e.g. collect --accounts in parallel jobs)',
  },
  {
    name: 'access',
    term: 'access [options]',
    description:
      'who can reach which account, and how (Identity Center, IAM users, cross-account and federated roles)',
  },
  {
    name: 'drift',
    term: 'drift [options]',
    description:
      'compare Identity Center with the declared state (Terraform state, terraform show -json, YAML)',
  },
  {
    name: 'plan',
    term: 'plan [options]',
    description: 'write the migration kit: people, plan.json, Terraform, SCP, runbook, CLI profiles',
  },
  {
    name: 'trend',
    term: 'trend [options]',
    description:
      'the migration over time from a scan history: burndown, keys, findings new/fixed (Node.js ≥ 22.13)',
  },
  {
    name: 'history',
    term: 'history',
    description: 'the scan history file (SQLite; Node.js ≥ 22.13): backfill it from earlier reports',
  },
];
