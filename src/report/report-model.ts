import type { BaselineSummary } from '../baseline/baseline-summary.js';
import type { Snapshot } from '../inventory/snapshot-schema.js';
import { complianceRefs, type Rule } from '../rules/define-rule.js';
import type { EvaluationResult, NotEvaluated } from '../rules/engine.js';
import type { ComplianceRef, Finding, FixSteps } from '../rules/finding.js';
import { SEVERITIES, type Severity } from '../rules/severity.js';
import type { WaiverReport } from '../waivers/waiver-report.js';
import { buildComplianceSummary, type ComplianceControlStatus } from './compliance-summary.js';
import { buildInventoryStats, type InventoryStats } from './inventory-stats.js';
import { relateFindings } from './related-findings.js';
import { type ScanSummary, summarizeScan } from './scan-status.js';

export const REPORT_SCHEMA_VERSION = 1;

export interface RuleSummary {
  id: string;
  aliases: string[];
  title: string;
  severity: Severity;
  scope: Rule['scope'];
  resourceType: string;
  rationale: string;
  remediation: FixSteps;
  migration: string | null;
  references: string[];
  compliance: ComplianceRef[];
  helpUri: string;
}

export interface ReportFinding extends Finding {
  /** Set when a waiver applies: the finding stays in the report but never fails CI. */
  waiver?: { reason: string; owner: string | null; expires: string | null };
  /** Set when compared with a baseline report. */
  baselineState?: 'new' | 'unchanged' | 'absent';
  /**
   * Set when this finding is one more fact about the same access key as a worse finding (that finding's
   * id): reports show one problem per key. The finding still counts for its rule and compliance control.
   */
  relatedTo?: string;
}

export interface ReportModel {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'keysweep'; version: string };
  scan: ScanSummary;
  rules: RuleSummary[];
  findings: ReportFinding[];
  notEvaluated: NotEvaluated[];
  inventory: InventoryStats;
  /** Per framework control: passed, failed or not evaluated (see compliance-summary.ts). */
  compliance: ComplianceControlStatus[];
  /** Set by --waivers: what each waiver did (active, expired, unused). */
  waivers?: WaiverReport;
  /** Set by --baseline: counts of new, unchanged and absent findings. */
  baseline?: BaselineSummary;
  summary: {
    total: number;
    bySeverity: Record<Severity, number>;
    byRule: Record<string, number>;
    byAccount: Record<string, number>;
    waived: number;
  };
}

export const RULE_DOCS_BASE = 'https://github.com/keysweep/keysweep/blob/main/docs/rules.md';

export function ruleSummary(rule: Rule): RuleSummary {
  return {
    id: rule.id,
    aliases: rule.aliases ?? [],
    title: rule.title,
    severity: rule.severity,
    scope: rule.scope,
    resourceType: rule.resourceType,
    rationale: rule.rationale,
    remediation: rule.remediation,
    migration: rule.migration ?? null,
    references: rule.references,
    compliance: complianceRefs(rule),
    helpUri: `${RULE_DOCS_BASE}#${rule.id}`,
  };
}

export function buildReportModel(
  snapshot: Snapshot,
  evaluation: EvaluationResult,
  options: { now: Date; toolVersion: string },
): ReportModel {
  const relatedTo = relateFindings(evaluation.findings);
  const findings: ReportFinding[] = [...evaluation.findings].sort(compareFindings).map((finding) => {
    const primary = relatedTo.get(finding.id);
    return primary ? { ...finding, relatedTo: primary } : finding;
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'keysweep', version: options.toolVersion },
    scan: summarizeScan(snapshot, evaluation, options.now),
    rules: evaluation.rules.map(ruleSummary),
    findings,
    notEvaluated: evaluation.notEvaluated,
    inventory: buildInventoryStats(snapshot, options.now),
    compliance: buildComplianceSummary(evaluation),
    summary: summarize(findings),
  };
}

export function summarize(findings: ReportFinding[]): ReportModel['summary'] {
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

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.accountId.localeCompare(b.accountId) ||
    a.resourceArn.localeCompare(b.resourceArn) ||
    a.subject.localeCompare(b.subject)
  );
}
