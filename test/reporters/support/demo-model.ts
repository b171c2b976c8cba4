import { loadDemoSnapshot } from '../../../src/demo/demo-snapshot.js';
import {
  buildReportModel,
  type ReportFinding,
  type ReportModel,
} from '../../../src/reporters/model/report-model.js';
import { ALL_RULES } from '../../../src/rules/catalog/index.js';
import { evaluate } from '../../../src/rules/engine.js';

export const DEMO_NOW = new Date('2026-12-01T00:00:00Z');

/** A report model whose findings are an array in memory (as buildReportModel makes them). */
export type ArrayReportModel = ReportModel & { findings: ReportFinding[] };

/**
 * The demo organization evaluated with every rule, as `scan --demo` does before enrichment; `ruleIds`
 * keeps only those rules (an old report fixture compared with what its rules give today).
 */
export async function demoModel(
  now: Date = DEMO_NOW,
  ruleIds?: readonly string[],
): Promise<ArrayReportModel> {
  const snapshot = await loadDemoSnapshot();
  const rules = ruleIds ? ALL_RULES.filter((rule) => ruleIds.includes(rule.id)) : ALL_RULES;
  const evaluation = evaluate(snapshot, { rules, now });
  // buildReportModel's findings are the evaluation's array, sorted in place.
  return buildReportModel(snapshot, evaluation, { now, toolVersion: '0.0.0-test' }) as ArrayReportModel;
}
