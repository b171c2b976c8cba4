import { SEVERITIES, type Severity } from '../rules/severity.js';
import type { ComplianceControlStatus } from './model/compliance-summary.js';
import type { ReportFinding, ReportModel } from './model/report-model.js';

// Read-only views over a ReportModel that several reporters share (Markdown, HTML, console), so they
// agree on what "open" and "not covered" mean.

/** Compliance controls in report order: already grouped by framework by the model (passed ones included). */
export function complianceControls(model: ReportModel): ComplianceControlStatus[] {
  return model.compliance;
}

/** Present now and not waived: what CI and people should act on. */
export function openFindings(model: ReportModel): ReportFinding[] {
  return model.findings.filter((f) => !f.waiver && f.baselineState !== 'absent');
}

export function presentFindings(model: ReportModel): ReportFinding[] {
  return model.findings.filter((f) => f.baselineState !== 'absent');
}

/** Every account not fully covered — partial, failed or skipped — each with its reason. */
export function notCoveredAccounts(model: ReportModel): ReportModel['scan']['accounts'] {
  return model.scan.accounts.filter((a) => a.status !== 'complete');
}

/**
 * The one definition of coverage every report uses: an account is covered when every slice of it was
 * collected (status complete); skipped, failed and partial accounts are not, and are named with why.
 */
export function coverage(model: ReportModel): { covered: number; total: number; label: string } {
  const total = model.scan.accounts.length;
  const covered = model.scan.accounts.filter((a) => a.status === 'complete').length;
  return { covered, total, label: `${covered} of ${total} account(s) fully covered` };
}

/** Open findings that are a problem of their own (not a related fact of a worse finding about the same key). */
export function openProblems(model: ReportModel): ReportFinding[] {
  const open = openFindings(model);
  const openIds = new Set(open.map((f) => f.id));
  // A related fact whose primary is waived or gone is a problem of its own again.
  return open.filter((f) => !f.relatedTo || !openIds.has(f.relatedTo));
}

export function accountNames(model: ReportModel): Map<string, string> {
  return new Map(model.scan.accounts.map((a) => [a.id, a.name]));
}

export function countBySeverity(findings: readonly ReportFinding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function baselineCounts(
  model: ReportModel,
): { new: number; unchanged: number; absent: number } | null {
  if (!model.baseline && !model.findings.some((f) => f.baselineState)) return null;
  const counts = { new: 0, unchanged: 0, absent: 0 };
  for (const f of model.findings) if (f.baselineState) counts[f.baselineState] += 1;
  return counts;
}

export function organizationLabel(model: ReportModel): string {
  return (
    model.scan.organizationId ??
    (model.scan.managementAccountId ? `account ${model.scan.managementAccountId}` : 'standalone account')
  );
}
