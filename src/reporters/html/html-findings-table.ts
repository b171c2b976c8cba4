import { SEVERITIES, severityRank } from '../../findings/severity.js';
import { esc } from '../../io/text/html-escape.js';
import type { ReportFinding, ReportModel } from '../../report/model/report-model.js';
import { accountNames, FindingTally } from '../report-view.js';

/**
 * Each row carries its advice, so a page stays usable (a few MB) only up to some thousands of rows;
 * findings are sorted worst first, so the cut keeps what matters.
 */
export const MAX_TABLE_ROWS = 5_000;

/**
 * The findings table is rendered as plain HTML (readable without JavaScript); the inline script adds
 * sorting and filtering using the data-* attributes on each row.
 */
export function findingsTable(
  model: ReportModel,
  tally?: Pick<FindingTally, 'accounts' | 'rules'>,
  heads?: TableHeads,
): string {
  if (!tally || !heads) {
    const counts = new FindingTally();
    heads = new TableHeads();
    for (const f of model.findings) {
      counts.add(f);
      heads.add(f);
    }
    tally = counts;
  }
  const names = accountNames(model);
  const rules = new Map(model.rules.map((r) => [r.id, r]));
  const accounts = [...tally.accounts].sort();
  const ruleIds = [...tally.rules].sort();
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
  const related = new Map<string, ReportFinding[]>();
  const shown = tableRows(model, heads, related);
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

/**
 * The findings that may start a group of table rows, fed one at a time in report order (one pass): the
 * first MAX_TABLE_ROWS findings that are no related fact, and the facts gone since the baseline among them
 * whose primary may not be in the report. A related fact still present always has its primary in the
 * report (both come from the same scan), so it is never a row of its own; a gone one is when its primary
 * is not in the list (e.g. not checked again), which only a second pass can tell. Holds at most
 * MAX_TABLE_ROWS findings plus some gone ones (the baseline's, which is in memory anyway).
 */
export class TableHeads {
  readonly candidates: ReportFinding[] = [];
  /** The primaries the gone related facts among the candidates point at. */
  readonly targets = new Set<string>();
  private primaries = 0;

  add(f: ReportFinding): void {
    if (this.primaries >= MAX_TABLE_ROWS) return;
    if (!f.relatedTo) {
      this.candidates.push(f);
      this.primaries += 1;
    } else if (f.baselineState === 'absent') {
      this.candidates.push(f);
      this.targets.add(f.relatedTo);
    }
  }
}

/**
 * The table's rows: each related fact right under the finding it belongs to, so the table reads as one
 * problem per key; cut to MAX_TABLE_ROWS. One pass for the related facts of the candidate rows and which
 * of the primaries gone facts point at are in the list. `related` gets the related facts per row id.
 */
function tableRows(
  model: ReportModel,
  heads: TableHeads,
  related: Map<string, ReportFinding[]>,
): ReportFinding[] {
  for (const f of heads.candidates) related.set(f.id, []);
  const found = new Set<string>();
  for (const f of model.findings) {
    if (heads.targets.has(f.id)) found.add(f.id);
    if (f.relatedTo) related.get(f.relatedTo)?.push(f);
  }
  const rows: ReportFinding[] = [];
  for (const f of heads.candidates) {
    if (rows.length >= MAX_TABLE_ROWS) break;
    // A related fact whose primary is not in the list (e.g. cut by a baseline) stands on its own.
    if (f.relatedTo && found.has(f.relatedTo)) continue;
    rows.push(f, ...(related.get(f.id) ?? []));
  }
  return rows.slice(0, MAX_TABLE_ROWS);
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
