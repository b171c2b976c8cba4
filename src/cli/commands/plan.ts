import { resolve } from 'node:path';
import type { Command } from 'commander';
import { kitRuleOptionsOf } from '../../config/kit-rule-options.js';
import { loadConfig } from '../../config/load-config.js';
import { ruleOptionsOf } from '../../config/run-config.js';
import { escapeControlCharacters } from '../../io/escape-control-characters.js';
import { InputError } from '../../io/input-error.js';
import { looksLikeKeysweepKit, replaceableDirectory, replaceDirectory } from '../../io/replace-directory.js';
import { markBreakGlassUsers } from '../../knowledge/break-glass.js';
import { buildKitPlan } from '../../migration-kit/build-kit-plan.js';
import { denyIamUsersScp } from '../../migration-kit/guardrails/deny-iam-users-scp.js';
import { parseEmailTag, parseExemptRoles, parseIdp } from '../../migration-kit/kit-options.js';
import { type IdentityMap, loadIdentityMap } from '../../migration-kit/people/identity-map.js';
import { renderKit } from '../../migration-kit/render-kit.js';
import { checkSessionHours } from '../../migration-kit/session-hours.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { checkIdentityMapConsistent, identityMapStaleRowsWarning } from '../identity-map-checks.js';
import { addLiveCollectionOptions } from '../live-collection.js';
import {
  addInventorySourceOptions,
  checkInventorySource,
  type InventorySourceFlags,
  loadInventory,
} from '../load-inventory.js';
import { parseChoiceList } from '../parse-flags.js';
import { parseDeleteAfterDays } from '../parse-kit-flags.js';
import { parseNow } from '../parse-now.js';
import { checkOutputDirectory } from '../validate-output-location.js';

interface PlanFlags extends InventorySourceFlags {
  out: string;
  identityMap?: string;
  idp: string;
  scpExemptRole: string[];
  emailTag: string;
  deleteAfterDays: string;
  format: string;
  config?: string;
  rightSize: boolean;
}

const RUNBOOK_FORMATS = ['md', 'html'] as const;

export function registerPlan(program: Command, io: CliIo): void {
  const command = addInventorySourceOptions(
    program
      .command('plan')
      .description('write the migration kit: people, plan.json, Terraform, SCP, runbook, CLI profiles'),
    'plan for',
  )
    .option('--out <dir>', 'directory for the kit', './keysweep-plan')
    .option('--identity-map <file>', 'CSV or YAML mapping IAM user ARNs to people (e-mail / user name)')
    .option(
      '--idp <kind>',
      'identity source: identity-center (its own directory) or external (SCIM)',
      'identity-center',
    )
    .option(
      '--scp-exempt-role <name>',
      'role allowed to create IAM users and keys despite the SCP (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--email-tag <key>', 'IAM user tag that holds the person’s e-mail', 'email')
    .option('--delete-after-days <n>', 'days between deactivating an IAM user and deleting it', '30')
    .option('--format <list>', `runbook formats: ${RUNBOOK_FORMATS.join(',')}`, 'md,html')
    .option('--now <iso>', 'plan clock (ISO-8601 with Z or an offset); default: now')
    .option(
      '--config <file>',
      'keysweep config: breakGlassUsers and rule options the plan follows (default: keysweep.config.yaml/.json)',
    )
    .option(
      '--no-right-size',
      "keep today's policies in the permission sets the kit creates (default: right-sized from usage evidence where it narrows them; docs/right-sizing.md)",
    )
    .option('--quiet', 'print nothing but errors');
  addLiveCollectionOptions(command).action(async (flags: PlanFlags, self: Command) => {
    io.setExitCode(await runPlan(flags, io, self));
  });
}

async function runPlan(flags: PlanFlags, io: CliIo, command: Command): Promise<number> {
  // Every flag, input file and the output directory are checked before the inventory is loaded or AWS
  // is called.
  checkInventorySource(command, flags);
  const now = parseNow(flags.now);
  const idp = parseIdp(flags.idp);
  const scpExemptRoles = parseExemptRoles(flags.scpExemptRole);
  denyIamUsersScp(scpExemptRoles); // fails on too many exemptions now, not after a long collection
  const emailTag = parseEmailTag(flags.emailTag);
  const deleteAfterDays = parseDeleteAfterDays(flags.deleteAfterDays);
  const runbookFormats = parseChoiceList('--format', flags.format, RUNBOOK_FORMATS);
  const identityMapFile = flags.identityMap === undefined ? undefined : resolve(io.cwd, flags.identityMap);
  const identityMap: IdentityMap = identityMapFile ? await loadIdentityMap(identityMapFile) : new Map();
  if (identityMapFile) checkIdentityMapConsistent(identityMapFile, identityMap);
  const { config, path: configPath } = await loadConfig({ configPath: flags.config, cwd: io.cwd });
  const ruleOptions = kitRuleOptionsOf(ruleOptionsOf(config));
  checkSessionHours(
    `${flags.config ?? configPath ?? 'config'}: rules.sso-session-duration-too-long.options`,
    ruleOptions.maxSessionHours,
  );
  const outDir = resolve(io.cwd, flags.out);
  await checkOutputDirectory('--out', outDir);
  // The kit replaces the directory whole (no stale file of an earlier run survives): only a new, empty
  // or earlier-kit directory, never someone else's files.
  if (!(await replaceableDirectory(outDir, looksLikeKeysweepKit)))
    throw new InputError(
      `--out: ${outDir} holds files that are not a keysweep kit; the kit replaces its directory whole, so give a new or empty one`,
    );

  // Break-glass users named in the config are marked like tagged ones: kept, never planned for migration.
  const snapshot = markBreakGlassUsers(
    await loadInventory(flags, now, io.stderr),
    config.breakGlassUsers ?? [],
  );
  const staleRows = identityMapFile && identityMapStaleRowsWarning(identityMapFile, identityMap, snapshot);
  if (staleRows) io.stderr(escapeControlCharacters(staleRows));
  const plan = buildKitPlan(snapshot, {
    now,
    idp,
    identityMap,
    emailTag,
    ruleOptions,
    rightSize: flags.rightSize,
  });
  const files = renderKit(plan, snapshot, { scpExemptRoles, deleteAfterDays, runbookFormats, now });
  await replaceDirectory(outDir, files);

  if (!flags.quiet) {
    // Warnings and gaps quote account and user names from the inventory: escaped like every echo of input.
    const say = (line: string) => io.stdout(escapeControlCharacters(line));
    const humans = plan.people.reduce((n, p) => n + p.iamUsers.length, 0);
    say(
      `keysweep plan: ${plan.people.length} people from ${humans} human IAM users (${plan.unmatched.length} IAM users unmatched), ` +
        `${plan.permissionSets.length} permission sets, ${plan.assignments.length} assignments, ${plan.workloads.length} workloads`,
    );
    for (const warning of plan.warnings) say(`  WARNING ${warning}`);
    for (const gap of plan.gaps)
      say(`  not collected: ${gap.accountId ?? 'organization'} ${gap.slice}: ${gap.effect}`);
    say(`  wrote ${files.length} files under ${outDir}`);
  }
  // Like scan: a plan built on an inventory with holes is written, but CI must notice (exit 3).
  // Accounts skipped on purpose (suspended) are not holes.
  const skipped = new Set(snapshot.accounts.filter((a) => a.access.status === 'skipped').map((a) => a.id));
  const incomplete = plan.gaps.some((g) => g.accountId === null || !skipped.has(g.accountId));
  return incomplete ? EXIT.incomplete : EXIT.ok;
}
