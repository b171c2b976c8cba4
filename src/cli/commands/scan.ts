import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveRunConfig } from '../../config/run-config.js';
import { writeFilesAtomic } from '../../io/atomic-write.js';
import { escapeControlCharactersPerLine } from '../../io/escape-control-characters.js';
import { InputError } from '../../io/input-error.js';
import { ALL_DERIVATIONS } from '../../knowledge/all-derivations.js';
import { markBreakGlassUsers } from '../../knowledge/break-glass.js';
import { applyEnrichInputs, loadEnrichInputs } from '../../report/model/enrich.js';
import { rulesById } from '../../report/model/report-file.js';
import {
  buildReportModelOfFacts,
  buildSpooledReportModel,
  type ReportModel,
  snapshotFacts,
} from '../../report/model/report-model.js';
import { SpillingSink, type SunkFindings, spillThresholdFor } from '../../report/spool/spilling-sink.js';
import type { SpooledFindings } from '../../report/spool/spooled-findings.js';
import { type AccessSummary, summarizeAccessOf } from '../../reporters/html/html-access-section.js';
import { REPORT_FORMATS, renderConsoleSummary, renderReports } from '../../reporters/index.js';
import { evaluateInto } from '../../rules/engine.js';
import { configuredRuleSummary } from '../../rules/rule-summary.js';
import { TOOL_VERSION } from '../../version.js';
import type { CliIo } from '../cli-io.js';
import {
  addDesiredOptions,
  checkDriftRulesHaveInput,
  type DesiredFlags,
  driftReportFor,
  loadDesiredInput,
} from '../desired-input.js';
import { exitCodeFor } from '../exit-codes.js';
import { addLiveCollectionOptions } from '../live-collection.js';
import {
  addInventorySourceOptions,
  checkInventorySource,
  type InventorySourceFlags,
  loadInventory,
} from '../load-inventory.js';
import { parseChoiceList, parseFailOn } from '../parse-flags.js';
import { parseNow } from '../parse-now.js';
import { parseRuleIds } from '../parse-rule-selection.js';
import { accountReleaser } from '../release-accounts.js';
import { openScanHistory } from '../scan-history.js';
import { checkOutputDirectory } from '../validate-output-location.js';

interface ScanFlags extends InventorySourceFlags, DesiredFlags {
  out: string;
  format: string;
  now?: string;
  failOn: string;
  failOnNew?: boolean;
  baseline?: string;
  waivers?: string;
  category?: string;
  config?: string;
  rule?: string;
  skipRule?: string;
  history?: string;
}

export function registerScan(program: Command, io: CliIo): void {
  const command = addInventorySourceOptions(
    program
      .command('scan')
      .description('collect (or load) an inventory, evaluate the rules and write reports'),
    'scan',
  )
    .option('--out <dir>', 'directory for the reports', './keysweep-report')
    .option('--format <list>', `report formats: ${REPORT_FORMATS.join(',')}`, 'sarif,json,md')
    .option('--now <iso>', 'evaluation clock (ISO-8601 with Z or an offset); default: now')
    .option(
      '--fail-on <severity>',
      'exit 1 when a finding is at or above: critical|high|medium|low|info|none',
      'high',
    )
    .option('--fail-on-new', 'with --baseline: fail only on findings that are new since the baseline')
    .option('--baseline <report.json>', 'previous JSON report: mark findings new, unchanged or absent')
    .option('--waivers <file>', 'waivers file (YAML or JSON)')
    .option('--category <id>', 'SARIF automationDetails.id (default: per organization)')
    .option('--config <file>', 'keysweep config (default: keysweep.config.yaml or .json if present)')
    .option('--rule <ids>', 'run only these rules (comma-separated)')
    .option('--skip-rule <ids>', 'do not run these rules (comma-separated)')
    .option(
      '--history <file>',
      'append this scan to a history file (SQLite, Node.js ≥ 22.13; default: $KEYSWEEP_HISTORY)',
    )
    .option('--quiet', 'print nothing but errors');
  addDesiredOptions(command);
  addLiveCollectionOptions(command).action(async (flags: ScanFlags, self: Command) => {
    io.setExitCode(await runScan(flags, io, self));
  });
}

async function runScan(flags: ScanFlags, io: CliIo, command: Command): Promise<number> {
  checkInventorySource(command, flags);
  const now = parseNow(flags.now);
  const failOn = parseFailOn(flags.failOn);
  const formats = parseChoiceList('--format', flags.format, REPORT_FORMATS);
  const spill = spillThreshold(process.env, flags.snapshot);
  if (flags.failOnNew && !flags.baseline)
    throw new InputError('--fail-on-new needs --baseline <report.json>');
  const config = await resolveRunConfig({
    configPath: flags.config,
    cwd: io.cwd,
    only: parseRuleIds('--rule', flags.rule),
    skip: parseRuleIds('--skip-rule', flags.skipRule),
  });

  // Every input file is validated before the (possibly long) collection starts.
  const enrichInputs = await loadEnrichInputs({ waiversPath: flags.waivers, baselinePath: flags.baseline });
  let history: Awaited<ReturnType<typeof openScanHistory>>;
  try {
    const desired = await loadDesiredInput(flags, config.rules);
    checkDriftRulesHaveInput(parseRuleIds('--rule', flags.rule), config.rules, desired);
    const outDir = resolve(io.cwd, flags.out);
    await checkOutputDirectory('--out', outDir);
    history = await openScanHistory(flags.history, io.cwd);

    const { base, accessMatrix, spooled } = await inventoryModel(flags, now, config, desired, {
      spill,
      withAccessMatrix: formats.includes('html'),
      warn: io.stderr,
    });
    try {
      const model = applyEnrichInputs(base, enrichInputs, now);
      const trend = await history?.record(model, formats.includes('md') || formats.includes('html'));
      const rendered = renderReports(model, formats, { category: flags.category, accessMatrix, trend });
      await writeFilesAtomic(rendered.map((r) => ({ path: join(outDir, r.fileName), content: r.content })));

      const code = exitCodeFor(model, failOn, flags.failOnNew === true);
      if (!flags.quiet) {
        // Account names in the summary come from the snapshot: escaped like every echo of input.
        io.stdout(escapeControlCharactersPerLine(renderConsoleSummary(model)));
        for (const r of rendered) io.stdout(`  wrote ${join(outDir, r.fileName)}`);
      }
      return code;
    } finally {
      spooled?.remove();
    }
  } finally {
    // The baseline's findings may be kept in temporary files (see SpooledBaseline).
    enrichInputs.baseline?.report.findings.remove();
    history?.close();
  }
}

/**
 * Loads (or collects) the inventory and evaluates it into a report model (and the HTML report's access
 * matrix when asked). A function of its own so the
 * snapshot is garbage once the model exists: at 500k IAM users it is over a gigabyte of heap that
 * rendering the reports does not need.
 */
async function inventoryModel(
  flags: ScanFlags,
  now: Date,
  config: Awaited<ReturnType<typeof resolveRunConfig>>,
  desired: Awaited<ReturnType<typeof loadDesiredInput>>,
  {
    withAccessMatrix,
    warn,
    spill,
  }: { withAccessMatrix: boolean; warn: (line: string) => void; spill: number },
): Promise<{
  base: ReportModel;
  accessMatrix: AccessSummary | undefined;
  spooled: SpooledFindings | undefined;
}> {
  const snapshot = await loadInventory(flags, now, warn);

  // Names in the desired state resolve against the inventory, so this runs after collection, before writing.
  const drift = desired ? driftReportFor(snapshot, desired) : undefined;
  // What the reports take from the inventory itself, taken before the rules run: an inventory this run
  // owns (not the cached demo) is let go account by account as the rules finish with it.
  const facts = snapshotFacts(snapshot, now);
  // The HTML report's access summary too, so the inventory is not kept for rendering.
  const accessMatrix = withAccessMatrix ? summarizeAccessOf(snapshot) : undefined;
  const evaluated = markBreakGlassUsers(snapshot, config.breakGlassUsers);
  const release = flags.demo
    ? undefined
    : { account: accountReleaser(snapshot, evaluated), derivations: ALL_DERIVATIONS };
  // Findings go to disk as they are made once there are very many (a large organization makes millions).
  const ruleText = config.rules.map((rule) => configuredRuleSummary(rule, config.ruleOptions[rule.id]));
  const sink = new SpillingSink(rulesById(ruleText), spill);
  let evaluation: ReturnType<typeof evaluateInto>;
  let sunk: SunkFindings;
  try {
    evaluation = evaluateInto(
      evaluated,
      {
        rules: config.rules,
        now,
        ruleOptions: config.ruleOptions,
        ...(drift ? { drift } : {}),
        ...(release ? { release } : {}),
      },
      sink,
    );
    sunk = sink.finish();
  } catch (error) {
    sink.remove();
    throw error;
  }
  const modelOptions = { now, toolVersion: TOOL_VERSION };
  return {
    base:
      sunk.kind === 'spooled'
        ? buildSpooledReportModel(facts, evaluation, sunk.findings, modelOptions)
        : buildReportModelOfFacts(facts, { ...evaluation, findings: sunk.findings }, modelOptions),
    accessMatrix,
    spooled: sunk.kind === 'spooled' ? sunk.findings : undefined,
  };
}

/**
 * Findings kept in memory before they go to disk: KEYSWEEP_SPILL_FINDINGS (tests and tuning), else by the
 * snapshot's size (spillThresholdFor).
 */
function spillThreshold(env: NodeJS.ProcessEnv, snapshotPath: string | undefined): number {
  const raw = env.KEYSWEEP_SPILL_FINDINGS;
  if (raw === undefined || raw === '') return spillThresholdFor(fileSize(snapshotPath));
  if (!/^\d+$/.test(raw))
    throw new InputError(`KEYSWEEP_SPILL_FINDINGS: expected a number of findings (0 or more), got "${raw}"`);
  return Number(raw);
}

function fileSize(path: string | undefined): number | undefined {
  if (path === undefined) return undefined;
  try {
    return statSync(path).size;
  } catch {
    return undefined; // the load names the file
  }
}
