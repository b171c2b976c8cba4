import { loadDemoSnapshot } from '../../../src/demo/demo-snapshot.js';
import { loadSnapshot } from '../../../src/inventory/snapshot-file.js';
import {
  buildReportModel,
  type ReportFinding,
  type ReportModel,
} from '../../../src/report/model/report-model.js';
import { ALL_RULES } from '../../../src/rules/catalog/index.js';
import { evaluate } from '../../../src/rules/engine.js';

export const DEMO_NOW = new Date('2026-12-01T00:00:00Z');

/** A report model whose findings are an array in memory (as buildReportModel makes them). */
export type ArrayReportModel = ReportModel & { findings: ReportFinding[] };

/**
 * The demo organization evaluated with every rule (or those `ruleFilter` keeps), as `scan --demo` does
 * before enrichment; or another snapshot file (a frozen copy of the demo an old report was written from).
 */
export async function demoModel(
  now: Date = DEMO_NOW,
  ruleFilter: (ruleId: string) => boolean = () => true,
  snapshotPath?: string,
): Promise<ArrayReportModel> {
  const snapshot = snapshotPath ? await loadSnapshot(snapshotPath) : await loadDemoSnapshot();
  const evaluation = evaluate(snapshot, { rules: ALL_RULES.filter((r) => ruleFilter(r.id)), now });
  // buildReportModel's findings are the evaluation's array, sorted in place.
  return buildReportModel(snapshot, evaluation, { now, toolVersion: '0.0.0-test' }) as ArrayReportModel;
}
