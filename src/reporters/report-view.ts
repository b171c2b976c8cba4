import { SEVERITIES, type Severity } from '../findings/severity.js';
import type { ComplianceControlStatus } from '../report/model/compliance-summary.js';
import { filteredFindings } from '../report/model/finding-list.js';
import type { ReportFinding, ReportModel } from '../report/model/report-model.js';

// Read-only views over a ReportModel that several reporters share (Markdown, HTML, console), so they
// agree on what "open" and "not covered" mean.

/** Compliance controls in report order: already grouped by framework by the model (passed ones included). */
export function complianceControls(model: ReportModel): ComplianceControlStatus[] {
  return model.compliance;
}

/** Present now and not waived: what CI and people should act on. */
export function isOpen(finding: ReportFinding): boolean {
  return !finding.waiver && finding.baselineState !== 'absent';
}

export function isPresent(finding: ReportFinding): boolean {
  return finding.baselineState !== 'absent';
}

/** The open findings, read lazily (each iteration is one pass over the model's findings). */
export function openFindings(model: ReportModel): Iterable<ReportFinding> {
  return filteredFindings(model.findings, isOpen);
}

export function presentFindings(model: ReportModel): Iterable<ReportFinding> {
  return filteredFindings(model.findings, isPresent);
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

/**
 * Whether a finding that is not open may be the primary of related facts that are then problems of their
 * own: a waived one, or one gone since the baseline, that is no related fact itself (relateFindings makes
 * no chains).
 */
export function isClosedPrimary(f: ReportFinding): boolean {
  return !isOpen(f) && !f.relatedTo;
}

/**
 * Ids of the findings that are not open and may be a primary (see openProblems): as many as the waived
 * findings and those gone since the baseline (which is in memory anyway), never all findings.
 */
export function closedPrimaryIds(model: ReportModel): Set<string> {
  const ids = new Set<string>();
  for (const f of model.findings) if (isClosedPrimary(f)) ids.add(f.id);
  return ids;
}

/**
 * Open findings that are a problem of their own (not a related fact of a worse finding about the same key),
 * read lazily. A related fact whose primary is waived or gone is a problem of its own again. A fact's
 * primary is always in the report (relateFindings relates the findings of one scan, and nothing drops
 * one), so the fact is a problem of its own exactly when its primary is not open. `closedIds`
 * (closedPrimaryIds) may come from a pass the caller makes anyway.
 */
export function openProblems(
  model: ReportModel,
  closedIds: ReadonlySet<string> = closedPrimaryIds(model),
): Iterable<ReportFinding> {
  return filteredFindings(model.findings, (f) => isOpen(f) && (!f.relatedTo || closedIds.has(f.relatedTo)));
}

export function accountNames(model: ReportModel): Map<string, string> {
  return new Map(model.scan.accounts.map((a) => [a.id, a.name]));
}

export function zeroBySeverity(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

export function countBySeverity(findings: Iterable<ReportFinding>): Record<Severity, number> {
  const counts = zeroBySeverity();
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export type BaselineCounts = { new: number; unchanged: number; absent: number };

export function baselineCounts(model: ReportModel): BaselineCounts | null {
  return tallyFindings(model).baselineCounts(model);
}

/**
 * What the Markdown, HTML and console reports count, gathered in one pass (`add` each finding): counters
 * and per-account / per-rule counters only (accounts and rules are few).
 */
export class FindingTally {
  open = 0;
  readonly openBySeverity = zeroBySeverity();
  readonly presentBySeverity = zeroBySeverity();
  /** Open findings per account and per rule, by severity, in order of each one's first open finding. */
  readonly openByAccount = new Map<string, Record<Severity, number>>();
  readonly openByRule = new Map<string, Record<Severity, number>>();
  /** Every account and rule that has a finding (open or not). */
  readonly accounts = new Set<string>();
  readonly rules = new Set<string>();
  private readonly states: BaselineCounts = { new: 0, unchanged: 0, absent: 0 };
  private anyState = false;

  add(f: ReportFinding): void {
    this.accounts.add(f.accountId);
    this.rules.add(f.ruleId);
    if (f.baselineState) {
      this.anyState = true;
      this.states[f.baselineState] += 1;
    }
    if (isPresent(f)) this.presentBySeverity[f.severity] += 1;
    if (!isOpen(f)) return;
    this.open += 1;
    this.openBySeverity[f.severity] += 1;
    countInto(this.openByAccount, f.accountId, f.severity);
    countInto(this.openByRule, f.ruleId, f.severity);
  }

  /** Findings per baseline state; null when the report was not compared with a baseline. */
  baselineCounts(model: ReportModel): BaselineCounts | null {
    if (!model.baseline && !this.anyState) return null;
    return { ...this.states };
  }
}

function countInto(map: Map<string, Record<Severity, number>>, key: string, severity: Severity): void {
  let counts = map.get(key);
  if (!counts) {
    counts = zeroBySeverity();
    map.set(key, counts);
  }
  counts[severity] += 1;
}

/** The findings tallied in one pass. */
export function tallyFindings(model: ReportModel): FindingTally {
  const tally = new FindingTally();
  for (const f of model.findings) tally.add(f);
  return tally;
}

export function totalOf(counts: Record<Severity, number>): number {
  let total = 0;
  for (const s of SEVERITIES) total += counts[s];
  return total;
}

export function organizationLabel(model: ReportModel): string {
  return (
    model.scan.organizationId ??
    (model.scan.managementAccountId ? `account ${model.scan.managementAccountId}` : 'standalone account')
  );
}
