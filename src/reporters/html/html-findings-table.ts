import { SEVERITIES, severityRank } from '../../rules/severity.js';
import type { ReportFinding, ReportModel } from '../model/report-model.js';
import { relatedByPrimary } from '../report-priorities.js';
import { accountNames } from '../report-view.js';
import { esc } from './html-escape.js';

/**
 * Each row carries its advice, so a page stays usable (a few MB) only up to some thousands of rows;
 * findings are sorted worst first, so the cut keeps what matters.
 */
export const MAX_TABLE_ROWS = 5_000;

/**
 * The findings table is rendered as plain HTML (readable without JavaScript); the inline script adds
 * sorting and filtering using the data-* attributes on each row.
 */
export function findingsTable(model: ReportModel): string {
  const names = accountNames(model);
  const rules = new Map(model.rules.map((r) => [r.id, r]));
  const accounts = [...new Set(model.findings.map((f) => f.accountId))].sort();
  const ruleIds = [...new Set(model.findings.map((f) => f.ruleId))].sort();
  const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`;
  const filters = `
<div class="filters" role="search">
  <input id="filter-text" type="search" placeholder="Search ARN, user, message…" aria-label="Search findings">
  <select id="filter-severity" aria-label="Severity"><option value="">All severities</option>${SEVERITIES.map((s) => option(s, s)).join('')}</select>
  <select id="filter-account" aria-label="Account"><option value="">All accounts</option>${accounts.map((a) => option(a, `${names.get(a) ?? ''} (${a})`)).join('')}</select>
  <select id="filter-rule" aria-label="Rule"><option value="">All rules</option>${ruleIds.map((r) => option(r, rules.get(r)?.title ?? r)).join('')}</select>
  <select id="filter-status" aria-label="Status"><option value="">Any status</option>${['open', 'new', 'waived', 'fixed'].map((s) => option(s, s)).join('')}</select>
  <button type="button" id="filter-reset">Reset</button>
  <span id="visible-count" class="muted" aria-live="polite"></span>
</div>`;
  const header = [
    ['severity', 'Severity'],
    ['rule', 'Rule'],
    ['account', 'Account'],
    ['resource', 'Resource'],
    ['message', 'Finding'],
    ['status', 'Status'],
  ]
    .map(
      ([key, label]) =>
        `<th scope="col" data-sort="${key}" tabindex="0" aria-sort="none">${label}<span class="sort-icon" aria-hidden="true"></span></th>`,
    )
    .join('');
  const related = relatedByPrimary(model);
  const shown = withRelatedAfterPrimary(model.findings, related).slice(0, MAX_TABLE_ROWS);
  const rows = shown
    .map((f, i) =>
      findingRows(f, i, names, rules.get(f.ruleId)?.title ?? f.ruleId, related.get(f.id)?.length ?? 0),
    )
    .join('\n');
  const cut =
    model.findings.length > shown.length
      ? `<p class="cut-notice"><strong>Showing the ${shown.length} worst of ${model.findings.length} findings</strong> (charts count them all). Every finding is in report.json and report.csv.</p>`
      : '';
  return `${cut}${filters}
<div class="table-scroll">
<table id="findings" class="findings">
<colgroup><col class="c-sev"><col class="c-rule"><col class="c-acct"><col class="c-res"><col class="c-msg"><col class="c-status"></colgroup>
<thead><tr>${header}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
<p id="no-match" class="muted" hidden>No finding matches these filters.</p>`;
}

function status(f: ReportFinding): string {
  if (f.baselineState === 'absent') return 'fixed';
  if (f.waiver) return 'waived';
  if (f.baselineState === 'new') return 'new';
  return 'open';
}

/** Each related fact right under the finding it belongs to, so the table reads as one problem per key. */
function withRelatedAfterPrimary(
  findings: readonly ReportFinding[],
  related: Map<string, ReportFinding[]>,
): ReportFinding[] {
  const ids = new Set(findings.map((f) => f.id));
  const ordered: ReportFinding[] = [];
  for (const f of findings) {
    // A related fact whose primary is not in the list (e.g. cut by a baseline) stands on its own.
    if (f.relatedTo && ids.has(f.relatedTo)) continue;
    ordered.push(f, ...(related.get(f.id) ?? []));
  }
  return ordered;
}

/** An ARN that breaks only after ':' and '/', with the whole ARN as a tooltip. */
function arnHtml(arn: string): string {
  return `<code class="arn" title="${esc(arn)}">${esc(arn).replace(/([:/])/g, '$1<wbr>')}</code>`;
}

function findingRows(
  f: ReportFinding,
  index: number,
  names: Map<string, string>,
  ruleTitle: string,
  relatedCount: number,
): string {
  const state = status(f);
  const accountName = names.get(f.accountId) ?? '';
  const search = [f.resourceArn, f.subject, f.message, f.ruleId, ruleTitle, f.accountId, accountName]
    .join(' ')
    .toLowerCase();
  const data = [
    `data-severity="${f.severity}"`,
    `data-severity-rank="${severityRank(f.severity)}"`,
    `data-rule="${esc(f.ruleId)}"`,
    `data-account="${esc(f.accountId)}"`,
    `data-resource="${esc(f.resourceArn)}"`,
    `data-message="${esc(f.message)}"`,
    `data-status="${state}"`,
    `data-search="${esc(search)}"`,
  ].join(' ');
  const badge = `<span class="sev sev-${f.severity}">${f.severity}</span>`;
  const statusBadge = `<span class="status status-${state}">${state}</span>`;
  const note = f.relatedTo
    ? '<br><span class="related-note">↳ same access key as the finding above</span>'
    : relatedCount > 0
      ? `<br><span class="related-note">+${relatedCount} related fact(s) about this key below</span>`
      : '';
  const rowClass = f.relatedTo ? 'finding related' : 'finding';
  return `<tr class="${rowClass}" id="f-${index}" ${data} tabindex="0" aria-expanded="false" aria-controls="a-${index}">
<td>${badge}</td><td><span class="rule-title" title="${esc(ruleTitle)}">${esc(ruleTitle)}</span><br><code class="muted">${esc(f.ruleId)}</code></td>
<td>${esc(accountName)}<br><code class="muted">${esc(f.accountId)}</code></td>
<td>${arnHtml(f.resourceArn)}${f.subject ? `<br><code class="muted arn" title="${esc(f.subject)}">${esc(f.subject).replace(/([:/])/g, '$1<wbr>')}</code>` : ''}</td>
<td>${esc(f.message)}${note}</td><td>${statusBadge}</td></tr>
<tr class="advice" id="a-${index}" hidden><td colspan="6">${adviceBlock(f)}</td></tr>`;
}

function adviceBlock(f: ReportFinding): string {
  const parts = [`<p class="advice-summary"><strong>${esc(f.advice.summary)}</strong></p>`];
  const migration = f.advice.migration;
  if (migration) {
    const target = [
      migration.targetGroup ? `group <code>${esc(migration.targetGroup)}</code>` : '',
      migration.targetPermissionSet
        ? `permission set <code>${esc(migration.targetPermissionSet)}</code>${migration.permissionSetExists === false ? ' (to create)' : ''}`
        : '',
      migration.replacement ? `replace with <code>${esc(migration.replacement)}</code>` : '',
    ].filter(Boolean);
    parts.push(
      `<div class="migration"><span class="tag">Migrate</span> ${esc(migration.summary)}${target.length > 0 ? `<br><span class="muted">${target.join(' · ')}</span>` : ''}`,
      migration.steps && migration.steps.length > 0
        ? `<ol>${migration.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>`
        : '',
      '</div>',
    );
  }
  if (f.advice.fixNow.console.length > 0) {
    parts.push(
      `<div class="fix"><span class="tag">Fix now · console</span><ol>${f.advice.fixNow.console.map((s) => `<li>${esc(s)}</li>`).join('')}</ol></div>`,
    );
  }
  if (f.advice.fixNow.cli.length > 0) {
    parts.push(
      `<div class="fix"><span class="tag">Fix now · AWS CLI</span><pre><code>${esc(f.advice.fixNow.cli.join('\n'))}</code></pre></div>`,
    );
  }
  if (f.waiver) {
    parts.push(
      `<p class="waiver-note">Waived by ${esc(f.waiver.owner ?? 'unknown')} until ${esc(f.waiver.expires ?? '—')}: ${esc(f.waiver.reason)}</p>`,
    );
  }
  const facts = Object.entries(f.details).filter(([, v]) => v !== null);
  if (facts.length > 0) {
    parts.push(
      `<p class="facts muted">${facts.map(([k, v]) => `${esc(k)}: <code>${esc(String(v))}</code>`).join(' · ')}</p>`,
    );
  }
  if (f.rationale) parts.push(`<p class="muted">${esc(f.rationale)}</p>`);
  return parts.join('');
}
