import { filteredFindings } from '../../report/model/finding-list.js';
import type { ReportModel, RuleSummary } from '../../report/model/report-model.js';
import { aggregateResults, GITHUB_LIMITS, gzippedSizeExceeds, type SarifLimits } from './sarif-limits.js';
import type { SarifLog, SarifNotification, SarifResult, SarifRun } from './sarif-log.js';
import { SARIF_SCHEMA_URI } from './sarif-log.js';
import { findingResult } from './sarif-results.js';
import { placeholderRule, ruleDescriptor } from './sarif-rules.js';

export interface SarifOptions {
  /** automationDetails.id category; default `keysweep/<organization id>`. */
  category?: string;
  /** For tests: smaller limits than GitHub's to exercise aggregation cheaply. */
  limits?: SarifLimits;
}

const INFORMATION_URI = 'https://github.com/keysweep/keysweep';
const MAX_NOTIFICATIONS = 200;

/**
 * GitHub keys alerts on tool name + automationDetails category; the codeql-action treats the part before
 * the final `/` as the category, so the id always ends with `/` (a category with an empty run id).
 */
export function automationId(model: ReportModel, category: string | undefined): string {
  const base =
    category?.trim() ||
    `keysweep/${model.scan.organizationId ?? model.scan.managementAccountId ?? 'standalone'}`;
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * At most three passes over the findings: the rules and how many findings are present; then one result
 * per finding when they fit the limits, else (or when that log is too big) one per rule and account.
 */
export function renderSarif(model: ReportModel, options: SarifOptions = {}): string {
  const limits = options.limits ?? GITHUB_LIMITS;
  const { rules, presentCount } = rulesWithPlaceholders(model);
  const indexById = new Map(rules.map((rule, index) => [rule.id, index]));
  const ruleIndex = (id: string) => indexById.get(id) ?? 0;

  // Findings gone since the baseline are left out: code scanning ignores baselineState, so an "absent"
  // result would keep a fixed alert open. GitHub closes an alert when its result stops appearing.
  const present = filteredFindings(model.findings, (finding) => finding.baselineState !== 'absent');
  const tooMany = presentCount > limits.maxResultsPerRun;
  // Over the result limit the per-finding log is never serialized: for a huge organization it would not
  // even fit in one string.
  let text = '';
  if (!tooMany) {
    const perFinding: SarifResult[] = [];
    for (const finding of present) perFinding.push(findingResult(finding, ruleIndex(finding.ruleId)));
    text = serialize(buildRun(model, rules, perFinding, options.category, null));
  }
  if (tooMany || gzippedSizeExceeds(text, limits.maxGzippedBytes)) {
    text = '';
    let aggregated = aggregateResults(present, ruleIndex);
    const truncated = aggregated.length > limits.maxResultsPerRun;
    // Findings are sorted worst first, and so are the groups built from them: keep the worst.
    if (truncated) aggregated = aggregated.slice(0, limits.maxResultsPerRun);
    const run = buildRun(model, rules, aggregated, options.category, {
      mode: 'per-rule-and-account',
      reason: tooMany
        ? `${presentCount} results exceed the limit of ${limits.maxResultsPerRun} a run`
        : `the log exceeds ${limits.maxGzippedBytes} bytes gzipped`,
      findingCount: presentCount,
      resultCount: aggregated.length,
      truncated,
    });
    text = serialize(run);
  }
  return text;
}

interface Aggregation {
  mode: 'per-rule-and-account';
  reason: string;
  findingCount: number;
  resultCount: number;
  truncated: boolean;
}

/** The model's rules, then a placeholder for each rule only findings name; and how many findings are present (one pass). */
function rulesWithPlaceholders(model: ReportModel): { rules: RuleSummary[]; presentCount: number } {
  const rules = [...model.rules];
  const known = new Set(rules.map((r) => r.id));
  let presentCount = 0;
  for (const finding of model.findings) {
    if (finding.baselineState !== 'absent') presentCount += 1;
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    rules.push(placeholderRule(finding.ruleId, finding.severity));
  }
  return { rules, presentCount };
}

function buildRun(
  model: ReportModel,
  rules: RuleSummary[],
  results: SarifResult[],
  category: string | undefined,
  aggregation: Aggregation | null,
): SarifRun {
  const notCovered = model.scan.accounts.filter((a) => a.status === 'failed' || a.status === 'partial');
  return {
    tool: {
      driver: {
        name: 'keysweep',
        version: model.tool.version,
        semanticVersion: model.tool.version,
        informationUri: INFORMATION_URI,
        rules: rules.map(ruleDescriptor),
      },
    },
    automationDetails: {
      id: automationId(model, category),
      description: {
        text: `keysweep identity audit of ${model.scan.organizationId ?? 'a standalone account'}`,
      },
    },
    invocations: [
      { executionSuccessful: model.scan.complete, toolExecutionNotifications: notifications(model) },
    ],
    results,
    properties: {
      scanNow: model.scan.now,
      collectedAt: model.scan.collectedAt,
      organizationId: model.scan.organizationId,
      complete: model.scan.complete,
      accountsScanned: model.scan.accounts.length,
      accountsNotCovered: notCovered.map((a) => ({ id: a.id, name: a.name, status: a.status })),
      ...(model.baseline
        ? {
            baseline: {
              file: model.baseline.file,
              new: model.baseline.new,
              unchanged: model.baseline.unchanged,
              absentNotEmitted: model.baseline.absent,
            },
          }
        : {}),
      aggregated: aggregation !== null,
      ...(aggregation ? { aggregation } : {}),
    },
  };
}

/** Accounts and rules the scan could not cover, so a dashboard never reads a gap as "clean". */
function notifications(model: ReportModel): SarifNotification[] {
  const list: SarifNotification[] = [];
  for (const account of model.scan.accounts) {
    if (account.status !== 'failed' && account.status !== 'partial') continue;
    list.push({
      level: account.status === 'failed' ? 'error' : 'warning',
      message: {
        text: `Account ${account.id} (${account.name}) ${account.status}: ${account.error ?? ''}`.trim(),
      },
    });
  }
  for (const gap of model.scan.organizationGaps)
    list.push({ level: 'warning', message: { text: `Organization: ${gap}` } });
  for (const item of model.notEvaluated) {
    list.push({
      // "unknown": collected, but the data does not say; no collection problem to warn about.
      level: item.unknown ? 'note' : 'warning',
      message: {
        text: `Rule ${item.ruleId} not evaluated${item.accountId ? ` in ${item.accountId}` : ''}: ${item.reason}`,
      },
    });
  }
  return list.slice(0, MAX_NOTIFICATIONS);
}

function serialize(run: SarifRun): string {
  const log: SarifLog = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
