import type { ReportModel } from '../reporters/model/report-schema.js';
import type { DriftReport } from './drift-items.js';

/**
 * The human summary of `keysweep drift`: counts per kind, then each drift with declared vs live (the
 * finding messages carry both), then what could not be compared.
 */
export function renderDriftSummary(model: ReportModel, drift: DriftReport): string {
  const lines = [
    `keysweep drift: ${drift.files.length} desired-state file(s), scope ${drift.scope}: ${drift.files.join(', ')}`,
  ];
  const driftRules = model.rules;
  const open = model.findings.filter((f) => f.baselineState !== 'absent');
  if (open.length === 0) lines.push('', 'No drift: Identity Center matches the declared state.');
  else {
    lines.push('', 'Drift per kind:');
    for (const rule of driftRules) {
      const count = open.filter((f) => f.ruleId === rule.id).length;
      lines.push(`  ${String(count).padStart(4)}  ${rule.id}  ${rule.title}`);
    }
    for (const rule of driftRules) {
      const findings = open.filter((f) => f.ruleId === rule.id);
      if (findings.length === 0) continue;
      lines.push('', `${rule.title} (${findings.length}):`);
      for (const f of findings) {
        const marks = [f.waiver ? 'waived' : '', f.baselineState === 'new' ? 'new' : ''].filter(Boolean);
        lines.push(`  [${f.severity}]${marks.length ? ` (${marks.join(', ')})` : ''} ${f.message}`);
      }
    }
  }
  for (const entry of model.notEvaluated) lines.push(`  not evaluated: ${entry.ruleId}: ${entry.reason}`);
  if (drift.gaps.length > 0) {
    lines.push('', 'Not compared:');
    for (const gap of drift.gaps) lines.push(`  ${gap}`);
  }
  return lines.join('\n');
}
