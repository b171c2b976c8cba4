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

/** The waivers and baseline files, read and validated. */
export interface EnrichInputs {
  waivers?: { path: string; file: Awaited<ReturnType<typeof loadWaivers>> };
  baseline?: { path: string; report: Awaited<ReturnType<typeof loadBaseline>> };
}

/**
 * Reads both files up front: the scan command calls this before collecting, so a bad waivers or baseline
 * file fails the run (exit 2) before a long crawl, and always before a report is written.
 */
export async function loadEnrichInputs(options: Omit<EnrichOptions, 'now'>): Promise<EnrichInputs> {
  const inputs: EnrichInputs = {};
  if (options.waiversPath)
    inputs.waivers = { path: options.waiversPath, file: await loadWaivers(options.waiversPath) };
  if (options.baselinePath) {
    inputs.baseline = { path: options.baselinePath, report: await loadBaseline(options.baselinePath) };
  }
  return inputs;
}

/**
 * Applies waivers, then a baseline report, to a model. Waived findings stay (marked); findings gone
 * since the baseline are added as `absent`.
 */
export function applyEnrichInputs(model: ReportModel, inputs: EnrichInputs, now: Date): ReportModel {
  if (!inputs.waivers && !inputs.baseline) return model;
  const aliases = new Map(model.rules.map((rule) => [rule.id, rule.aliases]));
  let findings = model.findings;
  const enriched: ReportModel = { ...model };
  if (inputs.waivers) {
    const applied = applyWaivers(findings, inputs.waivers.file.waivers, {
      now,
      aliasesOf: (ruleId) => aliases.get(ruleId) ?? [],
    });
    findings = applied.findings;
    enriched.waivers = { file: inputs.waivers.path, entries: applied.outcomes };
  }
  if (inputs.baseline) {
    const comparison = compareWithBaseline(findings, inputs.baseline.report, model);
    findings = comparison.findings;
    enriched.baseline = {
      file: inputs.baseline.path,
      baselineNow: inputs.baseline.report.now,
      ...comparison.counts,
    };
  }
  return { ...enriched, findings, summary: summarize(findings) };
}

/** Reads the files and applies them in one step (for callers that have nothing slow to do in between). */
export async function enrichReport(model: ReportModel, options: EnrichOptions): Promise<ReportModel> {
  return applyEnrichInputs(model, await loadEnrichInputs(options), options.now);
}
