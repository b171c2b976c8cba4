import type { Finding } from '../../findings/finding.js';
import { LARGE_SNAPSHOT_BYTES } from '../../io/large-snapshot.js';
import type { FindingSink } from '../../rules/engine.js';
import type { RuleText } from '../model/report-file.js';
import { FindingSpool } from './finding-spool.js';
import type { SpooledFindings } from './spooled-findings.js';

/**
 * Findings beyond which a scan keeps them on disk (FindingSpool) rather than in memory. Below it, the
 * in-memory path is faster (no line written and read back); above it, memory decides: at 100k IAM users
 * (~400k findings) findings in memory cost ~0.3 GB, and a million users make ten times as many.
 */
export const DEFAULT_SPILL_THRESHOLD = 1_000_000;

/**
 * From this snapshot size on (about 250k IAM users), findings go to disk from the first: the inventory
 * alone then takes most of the heap, and half a million findings held before spilling added ~0.3 GiB
 * to the peak at 1M users (measured).
 */
export const SPILL_AT_ONCE_SNAPSHOT_BYTES = LARGE_SNAPSHOT_BYTES;

/** The spill threshold for an inventory read from a file of `snapshotBytes` (undefined: not a file). */
export function spillThresholdFor(snapshotBytes: number | undefined): number {
  return snapshotBytes !== undefined && snapshotBytes >= SPILL_AT_ONCE_SNAPSHOT_BYTES
    ? 0
    : DEFAULT_SPILL_THRESHOLD;
}

export type SunkFindings =
  | { kind: 'memory'; findings: Finding[] }
  | { kind: 'spooled'; findings: SpooledFindings };

/** Keeps findings in an array until there are more than `threshold`, then moves them all to a spool. */
export class SpillingSink implements FindingSink {
  private memory: Finding[] | undefined = [];
  private spool: FindingSpool | undefined;

  constructor(
    private readonly rules: ReadonlyMap<string, RuleText>,
    private readonly threshold: number = DEFAULT_SPILL_THRESHOLD,
  ) {}

  startRule(ruleId: string): void {
    this.spool?.startRule(ruleId);
  }

  add(finding: Finding): void {
    if (this.spool) {
      this.spool.add(finding);
      return;
    }
    const memory = this.memory!;
    memory.push(finding);
    if (memory.length <= this.threshold) return;
    const spool = new FindingSpool(this.rules);
    for (const kept of memory) spool.add(kept);
    this.memory = undefined;
    this.spool = spool;
  }

  finish(): SunkFindings {
    if (this.spool) return { kind: 'spooled', findings: this.spool.finish() };
    const findings = this.memory!;
    this.memory = undefined;
    return { kind: 'memory', findings };
  }

  /** Removes the spool's files when evaluation fails before finish(). */
  remove(): void {
    this.spool?.remove();
  }
}
