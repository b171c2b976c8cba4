import { SEVERITIES, severityRank } from '../../findings/severity.js';
import type { ReportFinding, ReportModel } from '../../report/model/report-model.js';
import { accountsByRisk, relatedByPrimary, TOP_ROWS_PER_RULE, topProblems } from '../report-priorities.js';
import {
  accountNames,
  complianceControls,
  coverage,
  FindingTally,
  isClosedPrimary,
  notCoveredAccounts,
  openProblems,
  organizationLabel,
} from '../report-view.js';
import { identityCenterSection } from './identity-center-section.js';
import { code, SEVERITY_BADGE, table } from './markdown-text.js';

/**
 * Sized for $GITHUB_STEP_SUMMARY and pull-request comments (GitHub caps a comment at 65,536
 * characters): lists are cut to the worst entries, and report.json/report.html carry everything.
 */
const TOP_FINDINGS = 25;
const MAX_CHANGES = 20;
const MAX_ACCOUNTS = 30;

/** New and gone findings since the baseline: the first MAX_CHANGES of each and how many in all. */
class Changes {
  readonly added: ReportFinding[] = [];
  readonly gone: ReportFinding[] = [];
  addedCount = 0;
  goneCount = 0;

  add(f: ReportFinding): void {
    if (f.baselineState === 'new') {
      this.addedCount += 1;
      if (this.added.length < MAX_CHANGES) this.added.push(f);
    } else if (f.baselineState === 'absent') {
      this.goneCount += 1;
      if (this.gone.length < MAX_CHANGES) this.gone.push(f);
    }
  }
}

/**
 * Three passes over the findings: the counts (with the first changes since the baseline, and the ids of
 * waived or gone findings a related fact may point at), the top problems, and the related facts of those.
 */
export function renderMarkdown(model: ReportModel, trendLine?: string): string {
  const tally = new FindingTally();
  const changes = new Changes();
  const closedPrimaries = new Set<string>();
  for (const f of model.findings) {
    tally.add(f);
    changes.add(f);
    if (isClosedPrimary(f)) closedPrimaries.add(f.id);
  }
  const names = accountNames(model);
  const lines: string[] = [`# keysweep identity audit — ${organizationLabel(model)}`, ''];
  lines.push(headline(model, tally.open), '');
  if (trendLine) lines.push(trendLine, '');

  lines.push('## Findings by severity', '');
  const present = tally.presentBySeverity;
  const openCounts = tally.openBySeverity;
  lines.push(
    ...table(
      ['Severity', 'Open', 'Waived'],
      SEVERITIES.map((s) => [SEVERITY_BADGE[s] ?? s, openCounts[s], present[s] - openCounts[s]]),
    ),
    '',
  );

  lines.push(...baselineSection(model, tally, changes), ...notCoveredSection(model));

  lines.push(...topFindingsSection(model, names, closedPrimaries), ...accountsSection(model, tally));
  lines.push(...identityCenterSection(model));

  lines.push('## Findings by rule', '');
  const count = (id: string) => model.summary.byRule[id] ?? 0;
  const rows = [...model.rules]
    .sort((a, b) => count(b.id) - count(a.id) || severityRank(b.severity) - severityRank(a.severity))
    .map((rule) => [
      code(rule.id),
      rule.title,
      SEVERITY_BADGE[rule.severity] ?? rule.severity,
      count(rule.id),
    ]);
  lines.push(...table(['Rule', 'Title', 'Severity', 'Findings'], rows), '');

  lines.push(...waiverSection(model), ...complianceSection(model));
  lines.push(
    `<sub>keysweep ${model.tool.version} · evaluated at ${model.scan.now} · snapshot collected ${model.scan.collectedAt}</sub>`,
    '',
  );
  return lines.join('\n');
}

function headline(model: ReportModel, openCount: number): string {
  const { label } = coverage(model);
  const notCovered = notCoveredAccounts(model);
  const named =
    notCovered.length > 0
      ? `; not covered: ${notCovered.map((a) => `${a.name || a.id} (${a.status})`).join(', ')}`
      : '';
  const status = model.scan.complete
    ? ''
    : ' ⚠️ **The scan is incomplete**: some accounts or rules could not be covered (see below).';
  return (
    `**${openCount} open finding(s)** across ${model.scan.accounts.length} account(s) ` +
    `(${label}${named})${model.summary.waived > 0 ? `, ${model.summary.waived} waived` : ''}.${status}`
  );
}

function findingsTable(
  findings: ReportFinding[],
  names: Map<string, string>,
  related: Map<string, ReportFinding[]> = new Map(),
): string[] {
  return table(
    ['Severity', 'Rule', 'Account', 'Resource', 'Finding', 'What to do'],
    findings.map((f) => {
      const also = related.get(f.id) ?? [];
      return [
        SEVERITY_BADGE[f.severity] ?? f.severity,
        code(f.ruleId),
        `${names.get(f.accountId) ?? ''} ${code(f.accountId)}`.trim(),
        `${code(f.resourceArn)}${f.subject ? ` ${code(f.subject)}` : ''}`,
        also.length > 0
          ? `${f.message} Same key, also: ${[...new Set(also.map((r) => r.ruleId))].map(code).join(', ')}.`
          : f.message,
        f.advice.migration?.summary ?? f.advice.summary,
      ];
    }),
  );
}

function topFindingsSection(
  model: ReportModel,
  names: Map<string, string>,
  closedPrimaries: ReadonlySet<string>,
): string[] {
  const { top, count } = topProblems(openProblems(model, closedPrimaries), TOP_FINDINGS);
  const lines = ['## Top findings', ''];
  if (count === 0) return [...lines, 'No open findings. 🎉', ''];
  lines.push(
    `Ordered by risk across rules (at most ${TOP_ROWS_PER_RULE} rows per rule); one row per problem: facts about ` +
      'the same access key are folded into its worst finding.',
    '',
  );
  const related = relatedByPrimary(
    model,
    top.map((f) => f.id),
  );
  lines.push(...findingsTable(top, names, related), '');
  if (count > TOP_FINDINGS)
    lines.push(`…and ${count - TOP_FINDINGS} more in \`report.json\` / \`report.html\`.`, '');
  return lines;
}

function accountsSection(model: ReportModel, tally: FindingTally): string[] {
  const rows = accountsByRisk(model, tally.openByAccount).slice(0, MAX_ACCOUNTS);
  const lines = ['## Accounts by risk', '', 'Ranked by open critical and high findings.', ''];
  lines.push(
    ...table(
      ['Account', 'Name', 'Critical', 'High', 'Open', 'Coverage'],
      rows.map((a) => [code(a.id), a.name, a.critical, a.high, a.open, a.status]),
    ),
    '',
  );
  if (model.scan.accounts.length > MAX_ACCOUNTS)
    lines.push(`…and ${model.scan.accounts.length - MAX_ACCOUNTS} more accounts in \`report.json\`.`, '');
  return lines;
}

function baselineSection(model: ReportModel, tally: FindingTally, changes: Changes): string[] {
  const counts = tally.baselineCounts(model);
  if (!counts) return [];
  const lines = ['## Changes since the baseline', ''];
  if (model.baseline)
    lines.push(
      `Compared with \`${model.baseline.file}\` (evaluated at ${model.baseline.baselineNow ?? 'unknown'}).`,
      '',
    );
  lines.push(
    ...table(['New', 'Unchanged', 'Fixed or gone'], [[counts.new, counts.unchanged, counts.absent]]),
    '',
  );
  if (model.baseline && model.baseline.notRechecked > 0) {
    lines.push(
      `${model.baseline.notRechecked} baseline finding(s) could not be checked again (account or rule not covered this time).`,
      '',
    );
  }
  const names = accountNames(model);
  const { added, addedCount, gone, goneCount } = changes;
  if (addedCount > 0) {
    lines.push('### New findings', '', ...findingsTable(added, names), '');
    if (addedCount > MAX_CHANGES) lines.push(`…and ${addedCount - MAX_CHANGES} more.`, '');
  }
  if (goneCount > 0) {
    lines.push('### Fixed since the baseline', '');
    for (const f of gone)
      lines.push(`- ${code(f.ruleId)} ${code(f.resourceArn)} ${f.subject ? code(f.subject) : ''}`.trimEnd());
    if (goneCount > MAX_CHANGES) lines.push(`- …and ${goneCount - MAX_CHANGES} more.`);
    lines.push('');
  }
  return lines;
}

function notCoveredSection(model: ReportModel): string[] {
  const accounts = notCoveredAccounts(model);
  const gaps = model.scan.organizationGaps;
  if (accounts.length === 0 && gaps.length === 0 && model.notEvaluated.length === 0) return [];
  const lines = ['## Not covered', '', 'A gap is never a pass: these were not (fully) checked.', ''];
  if (accounts.length > 0) {
    lines.push(
      ...table(
        ['Account', 'Name', 'Status', 'Why'],
        accounts.map((a) => [code(a.id), a.name, a.status, a.error ?? '']),
      ),
      '',
    );
  }
  for (const gap of gaps) lines.push(`- Organization: ${gap}`);
  const notEvaluated = model.notEvaluated.slice(0, MAX_CHANGES);
  for (const item of notEvaluated)
    lines.push(
      `- Rule ${code(item.ruleId)} not evaluated${item.accountId ? ` in ${code(item.accountId)}` : ''}: ${item.reason}`,
    );
  if (model.notEvaluated.length > MAX_CHANGES)
    lines.push(`- …and ${model.notEvaluated.length - MAX_CHANGES} more rule/account pairs.`);
  lines.push('');
  return lines;
}

function waiverSection(model: ReportModel): string[] {
  if (!model.waivers) return [];
  const status = { active: '✅ active', expired: '⏰ expired', unused: '💤 matched nothing' } as const;
  const lines = [
    '## Waivers',
    '',
    `${model.waivers.entries.length} waiver(s) in \`${model.waivers.file}\`; ${model.summary.waived} finding(s) waived.`,
    '',
  ];
  if (model.waivers.entries.length > 0) {
    lines.push(
      ...table(
        ['Status', 'Rule', 'Resource', 'Owner', 'Expires', 'Matched', 'Reason'],
        model.waivers.entries.map((w) => [
          status[w.status] ?? w.status,
          code(w.rule),
          code(w.resource),
          w.owner ?? '',
          w.expires ?? '',
          w.matched,
          w.reason,
        ]),
      ),
      '',
    );
  }
  return lines;
}

function complianceSection(model: ReportModel): string[] {
  const controls = complianceControls(model);
  if (controls.length === 0) return [];
  const lines = ['## Compliance controls', ''];
  const icon = { passed: '✅ passed', failed: '❌ failed', not_evaluated: '❔ not evaluated' } as const;
  for (const framework of [...new Set(controls.map((c) => c.framework))]) {
    const mine = controls.filter((c) => c.framework === framework);
    const passed = mine.filter((c) => c.status === 'passed').length;
    lines.push(
      `<details><summary><b>${framework}</b>: ${passed}/${mine.length} controls passed</summary>`,
      '',
    );
    lines.push(
      ...table(
        ['Control', 'Title', 'Status', 'Findings', 'Rules'],
        mine.map((c) => [
          c.control,
          c.title ?? '',
          icon[c.status] ?? c.status,
          c.findings,
          c.ruleIds.map(code).join(' '),
        ]),
      ),
    );
    lines.push('', '</details>', '');
  }
  return lines;
}
