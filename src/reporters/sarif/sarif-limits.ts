import { gzipSync } from 'node:zlib';
import { type Severity, severityRank } from '../../findings/severity.js';
import type { ReportFinding } from '../../report/model/report-model.js';
import type { SarifResult } from './sarif-log.js';
import { resourceLocation } from './sarif-results.js';
import { sarifLevel } from './sarif-rules.js';

/** GitHub code scanning rejects runs above these (https://docs.github.com/en/code-security/…/sarif-support). */
export const GITHUB_LIMITS = { maxResultsPerRun: 25_000, maxGzippedBytes: 10 * 1024 * 1024 } as const;

export interface SarifLimits {
  maxResultsPerRun: number;
  maxGzippedBytes: number;
}

export function gzippedSize(text: string): number {
  return gzipSync(Buffer.from(text, 'utf8')).length;
}

/**
 * Whether `text` gzipped is larger than `limit` bytes. Deflate never grows its input by more than ~0.1%
 * (5 bytes a 64 KiB stored block) plus gzip's 18-byte frame, so text well under the limit needs no gzip
 * at all (most scans: the compression was ~5% of a demo scan's time).
 */
export function gzippedSizeExceeds(text: string, limit: number): boolean {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes + Math.ceil(bytes / 1000) + 1024 <= limit) return false;
  return gzippedSize(text) > limit;
}

const SAMPLE_SIZE = 20;

/** One (rule, account) group while aggregating: counters and a bounded sample, never its findings. */
interface Group {
  ruleId: string;
  accountId: string;
  count: number;
  open: number;
  waived: number;
  worst: Severity;
  firstMessage: string;
  /** The first SAMPLE_SIZE distinct resource ARNs, in list order. */
  samples: string[];
}

/**
 * One result per rule and account, for organizations so large that one result per finding would be
 * refused. The fingerprint comes from rule and account only, so aggregated alerts stay stable too. One
 * pass; groups (rules × accounts) in order of their first finding.
 */
export function aggregateResults(
  findings: Iterable<ReportFinding>,
  ruleIndex: (ruleId: string) => number,
): SarifResult[] {
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\n${finding.accountId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        ruleId: finding.ruleId,
        accountId: finding.accountId,
        count: 0,
        open: 0,
        waived: 0,
        worst: finding.severity,
        firstMessage: finding.message,
        samples: [],
      };
      groups.set(key, group);
    }
    group.count += 1;
    if (!finding.waiver && finding.baselineState !== 'absent') group.open += 1;
    if (finding.waiver) group.waived += 1;
    // The first finding of the worst severity, as a reduce that replaces only on strictly worse.
    if (severityRank(finding.severity) > severityRank(group.worst)) group.worst = finding.severity;
    if (group.samples.length < SAMPLE_SIZE && !group.samples.includes(finding.resourceArn))
      group.samples.push(finding.resourceArn);
  }
  const results: SarifResult[] = [];
  for (const [key, group] of groups) {
    const [ruleId = '', accountId = ''] = key.split('\n');
    const { count, waived, worst } = group;
    const accountArn = `arn:aws:iam::${accountId}:root`;
    results.push({
      ruleId,
      ruleIndex: ruleIndex(ruleId),
      level: sarifLevel(worst),
      kind: 'fail',
      message: {
        text:
          `${count} finding(s) of ${ruleId} in account ${accountId}` +
          `${waived > 0 ? ` (${waived} waived)` : ''}; e.g. ${group.firstMessage} ` +
          'See report.json for every finding.',
      },
      locations: [resourceLocation(accountArn, accountId, `${accountId}/${ruleId}`)],
      partialFingerprints: { primaryLocationLineHash: `aggregate:${ruleId}:${accountId}` },
      ...(group.open === 0 && waived > 0
        ? {
            suppressions: [
              {
                kind: 'external' as const,
                status: 'accepted' as const,
                justification: `all ${waived} finding(s) are waived`,
                properties: { owner: null, expires: null },
              },
            ],
          }
        : {}),
      properties: {
        resourceArn: accountArn,
        accountId,
        aggregated: true,
        findingCount: count,
        openFindingCount: group.open,
        severity: worst,
        sampleResourceArns: group.samples,
      },
    });
  }
  return results;
}
