import type { ReportModel } from '../../report/model/report-model.js';
import { notCoveredAccounts, tallyFindings } from '../report-view.js';

/** A few lines for a terminal or a CI log; the CLI adds where each report was written. One pass. */
export function renderConsoleSummary(model: ReportModel): string {
  const tally = tallyFindings(model);
  const s = tally.openBySeverity;
  const lines = [
    `keysweep: ${tally.open} open finding(s) in ${model.scan.accounts.length} account(s): ` +
      `critical ${s.critical}, high ${s.high}, medium ${s.medium}, low ${s.low}, info ${s.info}` +
      (model.summary.waived > 0 ? `; ${model.summary.waived} waived` : ''),
  ];
  const baseline = tally.baselineCounts(model);
  if (baseline) {
    lines.push(
      `  since baseline: ${baseline.new} new, ${baseline.unchanged} unchanged, ${baseline.absent} fixed`,
    );
  }
  const gaps = notCoveredAccounts(model);
  if (gaps.length > 0) {
    const shown = gaps.slice(0, 5).map((a) => `${a.id} (${a.name}, ${a.status})`);
    lines.push(`  not covered: ${shown.join(', ')}${gaps.length > 5 ? ` and ${gaps.length - 5} more` : ''}`);
  }
  if (model.scan.organizationGaps.length > 0) {
    lines.push(`  organization gaps: ${model.scan.organizationGaps.length} (see the report)`);
  }
  if (model.notEvaluated.length > 0)
    lines.push(`  rules not evaluated: ${model.notEvaluated.length} (see the report)`);
  const waivers = model.waivers;
  if (waivers) {
    const expired = waivers.entries.filter((w) => w.status === 'expired').length;
    const unused = waivers.entries.filter((w) => w.status === 'unused').length;
    if (expired + unused > 0) lines.push(`  waivers: ${expired} expired, ${unused} matched nothing`);
  }
  return lines.join('\n');
}
