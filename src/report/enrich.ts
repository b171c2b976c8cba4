import { compareWithBaseline } from '../baseline/compare-baseline.js';
import { loadBaseline } from '../baseline/load-baseline.js';
import { applyWaivers } from '../waivers/apply-waivers.js';
import { loadWaivers } from '../waivers/load-waivers.js';
import { type ReportModel, summarize } from './report-model.js';

export interface EnrichOptions {
  waiversPath?: string;
  baselinePath?: string;
  now: Date;
}

/**
 * Applies waivers, then a baseline report, to a model. Waived findings stay (marked); findings gone
 * since the baseline are added as `absent`. Both files are read before anything is changed, so a bad
 * file fails the run (exit 2) before a report is written.
 */
export async function enrichReport(model: ReportModel, options: EnrichOptions): Promise<ReportModel> {
  const waiversFile = options.waiversPath ? await loadWaivers(options.waiversPath) : undefined;
  const baselineReport = options.baselinePath ? await loadBaseline(options.baselinePath) : undefined;
  if (!waiversFile && !baselineReport) return model;

  const aliases = new Map(model.rules.map((rule) => [rule.id, rule.aliases]));
  let findings = model.findings;
  const enriched: ReportModel = { ...model };
  if (waiversFile && options.waiversPath) {
    const applied = applyWaivers(findings, waiversFile.waivers, {
      now: options.now,
      aliasesOf: (ruleId) => aliases.get(ruleId) ?? [],
    });
    findings = applied.findings;
    enriched.waivers = { file: options.waiversPath, entries: applied.outcomes };
  }
  if (baselineReport && options.baselinePath) {
    const comparison = compareWithBaseline(findings, baselineReport, model);
    findings = comparison.findings;
    enriched.baseline = { file: options.baselinePath, baselineNow: baselineReport.now, ...comparison.counts };
  }
  return { ...enriched, findings, summary: summarize(findings) };
}
