import { SEVERITIES, type Severity } from '../../findings/severity.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import type { EvaluationResult } from '../../rules/engine.js';
import { configuredRuleSummary } from '../../rules/rule-summary.js';
import type { SpooledFindings } from '../spool/spooled-findings.js';
import { buildComplianceSummary } from './compliance-summary.js';
import type { FindingList } from './finding-list.js';
import { sortFindingsForReport } from './finding-order.js';
import { buildInventoryStats, type InventoryStats } from './inventory-stats.js';
import { relateFindings } from './related-findings.js';
import { REPORT_SCHEMA_VERSION, type ReportFinding, type ReportModel } from './report-schema.js';
import { completeScan, type ScanCoverage, scanCoverage } from './scan-status.js';

export { RULE_DOCS_BASE, ruleSummary } from '../../rules/rule-summary.js';
export type { ReportFinding, ReportModel, RuleSummary } from './report-schema.js';
export { REPORT_SCHEMA_VERSION } from './report-schema.js';

export function buildReportModel(
  snapshot: Snapshot,
  evaluation: EvaluationResult,
  options: { now: Date; toolVersion: string },
): ReportModel {
  return buildReportModelOfFacts(snapshotFacts(snapshot, options.now), evaluation, options);
}

/** buildReportModel from the inventory's facts taken before the rules ran (see SnapshotFacts). */
export function buildReportModelOfFacts(
  facts: SnapshotFacts,
  evaluation: EvaluationResult,
  options: { now: Date; toolVersion: string },
): ReportModel {
  // Marked and sorted in place: the evaluation's findings become the model's (no copy of 100k+ objects).
  const findings: ReportFinding[] = evaluation.findings;
  const primaries = relateFindings(findings);
  for (let i = 0; i < findings.length; i += 1) {
    const primary = primaries[i]!;
    if (primary >= 0) findings[i]!.relatedTo = findings[primary]!.id;
  }
  sortFindingsForReport(findings);
  return modelOf(facts, evaluation, options, { findings, summary: summarize(findings), ruleIds: findings });
}

/**
 * What the report takes from the inventory itself (coverage, counts): computed before the rules run, so
 * a scan can let go of each account's inventory once its rules ran.
 */
export interface SnapshotFacts {
  coverage: ScanCoverage;
  inventory: InventoryStats;
}

export function snapshotFacts(snapshot: Snapshot, now: Date): SnapshotFacts {
  return { coverage: scanCoverage(snapshot, now), inventory: buildInventoryStats(snapshot, now) };
}

/**
 * The report model of findings kept on disk by the engine's spool (already in report order and related):
 * counts come from the spool's columns, so building the model reads no finding.
 */
export function buildSpooledReportModel(
  facts: SnapshotFacts,
  evaluation: Omit<EvaluationResult, 'findings'>,
  findings: SpooledFindings,
  options: { now: Date; toolVersion: string },
): ReportModel {
  return modelOf(facts, evaluation, options, {
    findings,
    summary: findings.summary(),
    ruleIds: findings.ruleIdsOfFindings(),
  });
}

function modelOf(
  facts: SnapshotFacts,
  evaluation: Omit<EvaluationResult, 'findings'>,
  options: { now: Date; toolVersion: string },
  found: { findings: FindingList; summary: ReportModel['summary']; ruleIds: Iterable<{ ruleId: string }> },
): ReportModel {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'keysweep', version: options.toolVersion },
    scan: completeScan(facts.coverage, evaluation),
    rules: evaluation.rules.map((rule) => configuredRuleSummary(rule, evaluation.ruleOptions?.[rule.id])),
    findings: found.findings,
    notEvaluated: evaluation.notEvaluated,
    inventory: facts.inventory,
    compliance: buildComplianceSummary({ ...evaluation, findings: found.ruleIds }),
    summary: found.summary,
  };
}

/** The summary counts of a report's findings (one pass). */
export function summarize(findings: Iterable<ReportFinding>): ReportModel['summary'] {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: Record<string, number> = {};
  const byAccount: Record<string, number> = {};
  let waived = 0;
  let total = 0;
  for (const finding of findings) {
    if (finding.baselineState === 'absent') continue;
    total += 1;
    bySeverity[finding.severity] += 1;
    byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    byAccount[finding.accountId] = (byAccount[finding.accountId] ?? 0) + 1;
    if (finding.waiver) waived += 1;
  }
  return { total, bySeverity, byRule, byAccount, waived };
}
