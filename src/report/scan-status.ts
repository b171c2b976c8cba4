import type { Slice } from '../inventory/collection.js';
import type { Account, Snapshot } from '../inventory/snapshot-schema.js';
import type { EvaluationResult } from '../rules/engine.js';

export interface ScannedAccount {
  id: string;
  name: string;
  ouPath: string[];
  /** complete: every slice collected; partial: some failed; failed: could not get in; skipped: not scanned. */
  status: 'complete' | 'partial' | 'failed' | 'skipped';
  error?: string;
}

export interface ScanSummary {
  now: string;
  collectedAt: string;
  source: Snapshot['source']['kind'];
  organizationId: string | null;
  managementAccountId: string | null;
  accounts: ScannedAccount[];
  /** Organization-level slices (Identity Center, centralized root access) that were not collected. */
  organizationGaps: string[];
  /**
   * False when any account or service could not be collected or any rule could not be evaluated for want
   * of data or by error; rules that ran and found the data silent ("unknown") do not make a scan incomplete.
   */
  complete: boolean;
}

function sliceProblem(name: string, slice: Slice<unknown>): string | null {
  if (slice.status === 'failed') return `${name}: ${slice.error.code}: ${slice.error.message}`;
  if (slice.status === 'not_collected') return `${name}: not collected: ${slice.reason}`;
  return null;
}

function accountStatus(account: Account): ScannedAccount {
  const base = { id: account.id, name: account.name, ouPath: account.ouPath };
  if (account.access.status === 'skipped')
    return { ...base, status: 'skipped', error: account.access.reason };
  if (account.access.status === 'failed') {
    return {
      ...base,
      status: 'failed',
      error: `${account.access.error.code}: ${account.access.error.message}`,
    };
  }
  const problems = Object.entries(account.iam)
    .map(([name, slice]) => sliceProblem(`iam.${name}`, slice))
    .filter((p): p is string => p !== null);
  return problems.length > 0
    ? { ...base, status: 'partial', error: problems.join('; ') }
    : { ...base, status: 'complete' };
}

export function summarizeScan(snapshot: Snapshot, evaluation: EvaluationResult, now: Date): ScanSummary {
  const accounts = snapshot.accounts.map(accountStatus);
  const organizationGaps = [
    sliceProblem('org.centralizedRootAccess', snapshot.organization.centralizedRootAccess),
    ...Object.entries(snapshot.identityCenter).map(([name, slice]) => sliceProblem(`sso.${name}`, slice)),
  ].filter((p): p is string => p !== null);
  const complete =
    accounts.every((a) => a.status === 'complete' || a.status === 'skipped') &&
    organizationGaps.length === 0 &&
    // A rule whose data does not say ("unknown") is listed as not evaluated but is no collection gap.
    evaluation.notEvaluated.every((entry) => entry.unknown === true);
  return {
    now: now.toISOString(),
    collectedAt: snapshot.collectedAt,
    source: snapshot.source.kind,
    organizationId: snapshot.organization.id,
    managementAccountId: snapshot.organization.managementAccountId,
    accounts,
    organizationGaps,
    complete,
  };
}
