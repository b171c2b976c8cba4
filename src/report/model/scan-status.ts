import { z } from 'zod';
import { type Slice, skippedOnRequest } from '../../inventory/collection.js';
import { describeGap } from '../../inventory/slice-reader.js';
import { readSliceAt, type SliceName, slicesOfScope } from '../../inventory/slice-table.js';
import { type Account, type Snapshot, snapshotSchema } from '../../inventory/snapshot-schema.js';
import type { EvaluationResult } from '../../rules/engine.js';

const scannedAccountSchema = z.object({
  id: z.string().regex(/^\d{12}$/),
  name: z.string(),
  ouPath: z.array(z.string()),
  /** complete: every slice collected; partial: some failed; failed: could not get in; skipped: not scanned. */
  status: z.enum(['complete', 'partial', 'failed', 'skipped']),
  error: z.string().optional(),
});
export type ScannedAccount = z.infer<typeof scannedAccountSchema>;

export const scanSummarySchema = z.object({
  now: z.iso.datetime({ offset: true }),
  collectedAt: z.iso.datetime({ offset: true }),
  source: snapshotSchema.shape.source.shape.kind,
  organizationId: z.string().nullable(),
  managementAccountId: z.string().nullable(),
  accounts: z.array(scannedAccountSchema),
  /** Organization-level slices (Identity Center, centralized root access) that were not collected. */
  organizationGaps: z.array(z.string()),
  /**
   * False when any account or service could not be collected or any rule could not be evaluated for want
   * of data or by error; rules that ran and found the data silent ("unknown") do not make a scan incomplete.
   */
  complete: z.boolean(),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;

function sliceProblem(name: string, slice: Slice<unknown>): string | null {
  if (skippedOnRequest(slice)) return null;
  return describeGap(slice, {
    failed: (error) => `${name}: ${error.code}: ${error.message}`,
    notCollected: (reason) => `${name}: not collected: ${reason}`,
  });
}

function accountStatus(account: Account, sliceNames: readonly SliceName[]): ScannedAccount {
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
  const problems: string[] = [];
  for (const name of sliceNames) {
    const problem = sliceProblem(name, readSliceAt(account, name));
    if (problem !== null) problems.push(problem);
  }
  return problems.length > 0
    ? { ...base, status: 'partial', error: problems.join('; ') }
    : { ...base, status: 'complete' };
}

export function summarizeScan(
  snapshot: Snapshot,
  evaluation: Pick<EvaluationResult, 'notEvaluated'>,
  now: Date,
): ScanSummary {
  return completeScan(scanCoverage(snapshot, now), evaluation);
}

/** What the scan summary says of the inventory alone (before the rules ran). */
export interface ScanCoverage {
  summary: Omit<ScanSummary, 'complete'>;
  /** Every account and organization slice was collected (skipped accounts aside). */
  collected: boolean;
}

export function scanCoverage(snapshot: Snapshot, now: Date): ScanCoverage {
  const accountSlices = slicesOfScope('account');
  const accounts = snapshot.accounts.map((account) => accountStatus(account, accountSlices));
  const organizationGaps = slicesOfScope('organization')
    .map((name) => sliceProblem(name, readSliceAt(snapshot, name)))
    .filter((p): p is string => p !== null);
  return {
    summary: {
      now: now.toISOString(),
      collectedAt: snapshot.collectedAt,
      source: snapshot.source.kind,
      organizationId: snapshot.organization.id,
      managementAccountId: snapshot.organization.managementAccountId,
      accounts,
      organizationGaps,
    },
    collected:
      accounts.every((a) => a.status === 'complete' || a.status === 'skipped') &&
      organizationGaps.length === 0,
  };
}

/** The scan summary once the rules ran. */
export function completeScan(
  coverage: ScanCoverage,
  evaluation: Pick<EvaluationResult, 'notEvaluated'>,
): ScanSummary {
  return {
    ...coverage.summary,
    complete:
      coverage.collected &&
      // A rule whose data does not say ("unknown") is listed as not evaluated but is no collection gap.
      evaluation.notEvaluated.every((entry) => entry.unknown === true),
  };
}
