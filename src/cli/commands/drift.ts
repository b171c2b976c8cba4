import type { Command } from 'commander';
import { resolveRunConfig } from '../../config/run-config.js';
import { InputError } from '../../io/input-error.js';
import { applyEnrichInputs, loadEnrichInputs } from '../../report/model/enrich.js';
import { buildReportModel } from '../../report/model/report-model.js';
import { renderDriftSummary } from '../../reporters/drift/render-drift-summary.js';
import { evaluate } from '../../rules/engine.js';
import { TOOL_VERSION } from '../../version.js';
import type { CliIo } from '../cli-io.js';
import { addDesiredOptions, type DesiredFlags, driftReportFor, loadDesiredInput } from '../desired-input.js';
import { exitCodeFor } from '../exit-codes.js';
import { addLiveCollectionOptions, type LiveCollectionFlags } from '../live-collection.js';
import { checkInventorySource, loadInventory } from '../load-inventory.js';
import { parseFailOn, parseNow } from '../parse-flags.js';

interface DriftFlags extends LiveCollectionFlags, DesiredFlags {
  demo?: boolean;
  snapshot?: string;
  now?: string;
  failOn: string;
  failOnNew?: boolean;
  baseline?: string;
  waivers?: string;
  config?: string;
}

export function registerDrift(program: Command, io: CliIo): void {
  const command = program
    .command('drift')
    .description(
      'compare Identity Center with the declared state (Terraform state, terraform show -json, YAML)',
    )
    .option('--demo', 'the bundled demo organization (no AWS needed)')
    .option('--snapshot <file>', 'a snapshot written by `keysweep collect` instead of AWS')
    .option('--now <iso>', 'evaluation clock (ISO-8601); default: now')
    .option(
      '--fail-on <severity>',
      'exit 1 when a drift is at or above: critical|high|medium|low|info|none',
      'high',
    )
    .option('--fail-on-new', 'with --baseline: fail only on drift that is new since the baseline')
    .option('--baseline <report.json>', 'previous JSON report: mark drift new, unchanged or absent')
    .option('--waivers <file>', 'waivers file (YAML or JSON)')
    .option('--config <file>', 'keysweep config (turns drift rules off or on)');
  addDesiredOptions(command);
  addLiveCollectionOptions(command).action(async (flags: DriftFlags, self: Command) => {
    io.setExitCode(await runDrift(flags, io, self));
  });
}

/** `scan` restricted to the drift rules, printed as a summary: same inputs, waivers, baseline and exit codes. */
async function runDrift(flags: DriftFlags, io: CliIo, command: Command): Promise<number> {
  checkInventorySource(command, flags);
  if (flags.desired.length === 0) throw new InputError('--desired: give at least one desired-state file');
  const now = parseNow(flags.now);
  const failOn = parseFailOn(flags.failOn);
  if (flags.failOnNew && !flags.baseline)
    throw new InputError('--fail-on-new needs --baseline <report.json>');
  const config = await resolveRunConfig({ configPath: flags.config, cwd: io.cwd, only: [], skip: [] });
  const rules = config.rules.filter((rule) => rule.input === 'desired-state');
  const enrichInputs = await loadEnrichInputs({ waiversPath: flags.waivers, baselinePath: flags.baseline });
  try {
    const desired = await loadDesiredInput(flags, rules);
    if (!desired) throw new InputError('--desired: give at least one desired-state file');

    const snapshot = await loadInventory(flags, now, io.stderr);
    const drift = driftReportFor(snapshot, desired);
    const evaluation = evaluate(snapshot, { rules, now, ruleOptions: config.ruleOptions, drift });
    const model = applyEnrichInputs(
      buildReportModel(snapshot, evaluation, { now, toolVersion: TOOL_VERSION }),
      enrichInputs,
      now,
    );
    if (!flags.quiet) io.stdout(renderDriftSummary(model, drift));
    return exitCodeFor(model, failOn, flags.failOnNew === true);
  } finally {
    enrichInputs.baseline?.report.findings.remove();
  }
}
