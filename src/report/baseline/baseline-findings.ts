import { sha256 } from '../../findings/finding.js';
import type { ReportFinding } from '../model/report-schema.js';

/**
 * A baseline's findings as comparing with a scan needs them: per finding its rule, its account and a
 * digest of its resource and subject, all in memory; the whole finding only when it is gone (absent), read
 * then. A previous report.json of a large organization holds millions of findings: kept whole, a baseline
 * of 1M IAM users would have needed several GB of memory.
 */
export interface BaselineFindings extends Iterable<ReportFinding> {
  readonly length: number;
  ruleIdOf(index: number): string;
  accountIdOf(index: number): string;
  /** Four 32-bit words per finding: the first 16 bytes of sha256(resourceArn \n subject). */
  readonly digests: Uint32Array;
  /** The whole finding (its rule's text and its resource's migration advice filled in). */
  findingAt(index: number): ReportFinding;
  /** Deletes what it keeps on disk, if anything (it cannot be read afterwards). */
  remove(): void;
}

/**
 * The digest of a finding's resource and subject as four 32-bit words (see BaselineFindings.digests),
 * written into `into` (a scratch array for one finding at a time, or a fresh one).
 */
export function resourceDigest(
  resourceArn: string,
  subject: string,
  into: Uint32Array = new Uint32Array(4),
): Uint32Array {
  const digest = sha256(`${resourceArn}\n${subject}`);
  for (let word = 0; word < 4; word += 1) into[word] = digest.readUInt32LE(word * 4);
  return into;
}

/** Findings held in memory (a baseline upgraded from an older report version, or made in a test). */
export function baselineFindingsOf(findings: readonly ReportFinding[]): BaselineFindings {
  const digests = new Uint32Array(findings.length * 4);
  findings.forEach((f, i) => {
    digests.set(resourceDigest(f.resourceArn, f.subject), i * 4);
  });
  return {
    length: findings.length,
    ruleIdOf: (index) => findings[index]!.ruleId,
    accountIdOf: (index) => findings[index]!.accountId,
    digests,
    findingAt: (index) => findings[index]!,
    remove: () => undefined,
    [Symbol.iterator]: () => findings[Symbol.iterator](),
  };
}
