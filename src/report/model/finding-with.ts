import type { ReportFinding } from './report-schema.js';

/**
 * A copy of a finding with a waiver or a baseline state added (`{ ...finding, ...extra }`, for a spooled
 * finding through its `with`, which keeps its lazy fields lazy).
 */
export function findingWith(
  finding: ReportFinding,
  extra: Pick<ReportFinding, 'waiver'> | Pick<ReportFinding, 'baselineState'>,
): ReportFinding {
  const withExtra = (finding as { with?: (extra: object) => ReportFinding }).with;
  return typeof withExtra === 'function' ? withExtra.call(finding, extra) : { ...finding, ...extra };
}
