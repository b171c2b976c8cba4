import type { DriftReport } from '../../knowledge/drift/drift-items.js';
import type { ReportModel } from '../../report/model/report-schema.js';

/**
 * The human summary of `keysweep drift`: counts per kind, then each drift with declared vs live (the
 * finding messages carry both), then what could not be compared.
 */
export function renderDriftSummary(model: ReportModel, drift: DriftReport): string {
  const lines = [
    `keysweep drift: ${drift.files.length} desired-state file(s), scope ${drift.scope}: ${drift.files.join(', ')}`,
  ];
  const driftRules = model.rules;
  // One pass: per drift rule its count and its lines (the summary prints every drift, so the lines are
  // the output itself; rules are few).
  const perRule = new Map(driftRules.map((rule) => [rule.id, { count: 0, lines: [] as string[] }]));
  let openCount = 0;
  for (const f of model.findings) {
    if (f.baselineState === 'absent') continue;
    openCount += 1;
    const entry = perRule.get(f.ruleId);
    if (!entry) continue;
    entry.count += 1;
    const marks = [f.waiver ? 'waived' : '', f.baselineState === 'new' ? 'new' : ''].filter(Boolean);
    entry.lines.push(`  [${f.severity}]${marks.length ? ` (${marks.join(', ')})` : ''} ${f.message}`);
  }
  if (openCount === 0) lines.push('', 'No drift: Identity Center matches the declared state.');
  else {
    lines.push('', 'Drift per kind:');
    for (const rule of driftRules) {
      const count = perRule.get(rule.id)?.count ?? 0;
      lines.push(`  ${String(count).padStart(4)}  ${rule.id}  ${rule.title}`);
    }
    for (const rule of driftRules) {
      const entry = perRule.get(rule.id);
      if (!entry || entry.count === 0) continue;
      lines.push('', `${rule.title} (${entry.count}):`, ...entry.lines);
    }
  }
  for (const entry of model.notEvaluated) lines.push(`  not evaluated: ${entry.ruleId}: ${entry.reason}`);
  if (drift.gaps.length > 0) {
    lines.push('', 'Not compared:');
    for (const gap of drift.gaps) lines.push(`  ${gap}`);
  }
  return lines.join('\n');
}
