import { z } from 'zod';
import { FRAMEWORK_IDS } from '../../findings/finding.js';
import { FRAMEWORKS } from '../../findings/frameworks/index.js';
import type { EvaluationResult } from '../../rules/engine.js';

/** How one framework control fared in a scan, so a report can be grouped by control. */
export const complianceControlStatusSchema = z.object({
  framework: z.enum(FRAMEWORK_IDS),
  control: z.string(),
  title: z.string(),
  ruleIds: z.array(z.string()),
  /** failed: a rule of the control found something; not_evaluated: a rule of it did not run somewhere. */
  status: z.enum(['passed', 'failed', 'not_evaluated']),
  findings: z.number().int().min(0),
});
export type ComplianceControlStatus = z.infer<typeof complianceControlStatusSchema>;

/**
 * One entry per control (of every framework) that keysweep has a rule for. A control whose rule was
 * skipped or could not read its inventory is never reported as passed: a failed collection is not a pass.
 */
export function buildComplianceSummary(
  evaluation: Pick<EvaluationResult, 'rules' | 'notEvaluated'> & { findings: Iterable<{ ruleId: string }> },
): ComplianceControlStatus[] {
  const ran = new Set(evaluation.rules.map((rule) => rule.id));
  const incomplete = new Set(evaluation.notEvaluated.map((entry) => entry.ruleId));
  const findingsByRule = new Map<string, number>();
  for (const finding of evaluation.findings) {
    findingsByRule.set(finding.ruleId, (findingsByRule.get(finding.ruleId) ?? 0) + 1);
  }

  const statuses: ComplianceControlStatus[] = [];
  for (const mapping of FRAMEWORKS) {
    for (const control of mapping.controls) {
      if (control.ruleIds.length === 0) continue;
      const findings = control.ruleIds.reduce((sum, id) => sum + (findingsByRule.get(id) ?? 0), 0);
      const notEvaluated = control.ruleIds.some((id) => !ran.has(id) || incomplete.has(id));
      statuses.push({
        framework: mapping.framework,
        control: control.control,
        title: control.title,
        ruleIds: [...control.ruleIds],
        status: findings > 0 ? 'failed' : notEvaluated ? 'not_evaluated' : 'passed',
        findings,
      });
    }
  }
  return statuses;
}
