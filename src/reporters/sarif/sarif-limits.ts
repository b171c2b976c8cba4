import { gzipSync } from 'node:zlib';
import { severityRank } from '../../rules/severity.js';
import type { ReportFinding } from '../model/report-model.js';
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

const SAMPLE_SIZE = 20;

/**
 * One result per rule and account, for organizations so large that one result per finding would be
 * refused. The fingerprint comes from rule and account only, so aggregated alerts stay stable too.
 */
export function aggregateResults(
  findings: readonly ReportFinding[],
  ruleIndex: (ruleId: string) => number,
): SarifResult[] {
  const groups = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\n${finding.accountId}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const results: SarifResult[] = [];
  for (const [key, group] of groups) {
    const [ruleId = '', accountId = ''] = key.split('\n');
    const worst = group.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
    const accountArn = `arn:aws:iam::${accountId}:root`;
    const open = group.filter((f) => !f.waiver && f.baselineState !== 'absent');
    const waived = group.filter((f) => f.waiver).length;
    results.push({
      ruleId,
      ruleIndex: ruleIndex(ruleId),
      level: sarifLevel(worst.severity),
      kind: 'fail',
      message: {
        text:
          `${group.length} finding(s) of ${ruleId} in account ${accountId}` +
          `${waived > 0 ? ` (${waived} waived)` : ''}; e.g. ${group[0]?.message ?? ''} ` +
          'See report.json for every finding.',
      },
      locations: [resourceLocation(accountArn, accountId, `${accountId}/${ruleId}`)],
      partialFingerprints: { primaryLocationLineHash: `aggregate:${ruleId}:${accountId}` },
      ...(open.length === 0 && waived > 0
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
        findingCount: group.length,
        openFindingCount: open.length,
        severity: worst.severity,
        sampleResourceArns: [...new Set(group.map((f) => f.resourceArn))].slice(0, SAMPLE_SIZE),
      },
    });
  }
  return results;
}
