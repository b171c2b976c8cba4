import { esc } from '../../io/text/html-escape.js';
import type { ReportModel } from '../../report/model/report-model.js';
import { complianceControls, coverage, notCoveredAccounts } from '../report-view.js';

const STATUS_TEXT = { passed: 'passed', failed: 'failed', not_evaluated: 'not evaluated' } as const;

/** Controls grouped by framework, passed ones shown too, so an auditor sees coverage and not just failures. */
export function complianceSection(model: ReportModel): string {
  const controls = complianceControls(model);
  if (controls.length === 0) return '';
  const frameworks = [...new Set(controls.map((c) => c.framework))];
  const blocks = frameworks.map((framework) => {
    const mine = controls.filter((c) => c.framework === framework);
    const passed = mine.filter((c) => c.status === 'passed').length;
    const percent = Math.round((passed / mine.length) * 100);
    const rows = mine
      .map(
        (c) =>
          `<tr><td><code>${esc(c.control)}</code></td><td>${esc(c.title ?? '')}</td><td class="pill-${esc(c.status)}">${esc(STATUS_TEXT[c.status] ?? c.status)}</td><td>${c.findings}</td><td>${c.ruleIds.map((r) => `<code>${esc(r)}</code>`).join(' ')}</td></tr>`,
      )
      .join('');
    return `<details class="framework"><summary>${esc(framework)} — ${passed} of ${mine.length} controls passed <span class="progress"><span style="width:${percent}%"></span></span></summary>
<table class="plain"><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Findings</th><th>Rules</th></tr></thead><tbody>${rows}</tbody></table></details>`;
  });
  return `<section id="compliance"><h2>Compliance controls</h2><p class="muted">A control passes only when every rule mapped to it ran in every account and found nothing. Open a framework for its controls.</p>${blocks.join('')}</section>`;
}

export function coverageSection(model: ReportModel): string {
  const accounts = notCoveredAccounts(model);
  if (accounts.length === 0 && model.scan.organizationGaps.length === 0 && model.notEvaluated.length === 0)
    return '';
  const rows = accounts
    .map(
      (a) =>
        `<tr><td><code>${esc(a.id)}</code></td><td>${esc(a.name)}</td><td>${esc(a.status)}</td><td>${esc(a.error ?? '')}</td></tr>`,
    )
    .join('');
  const gaps = model.scan.organizationGaps.map((g) => `<li>Organization: ${esc(g)}</li>`).join('');
  const rules = model.notEvaluated
    .slice(0, 200)
    .map(
      (n) =>
        `<li>Rule <code>${esc(n.ruleId)}</code> not evaluated${n.accountId ? ` in <code>${esc(n.accountId)}</code>` : ''}: ${esc(n.reason)}</li>`,
    )
    .join('');
  return `<section id="not-covered"><h2>Not covered</h2><p class="muted">${esc(coverage(model).label)}. A gap is never a pass: these accounts and rules were not (fully) checked.</p>
${rows ? `<table class="plain"><thead><tr><th>Account</th><th>Name</th><th>Status</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${gaps || rules ? `<ul>${gaps}${rules}</ul>` : ''}</section>`;
}

export function waiverSection(model: ReportModel): string {
  if (!model.waivers) return '';
  const rows = model.waivers.entries
    .map(
      (w) =>
        `<tr><td class="pill-${w.status === 'active' ? 'passed' : w.status === 'expired' ? 'failed' : 'not_evaluated'}">${esc(w.status === 'unused' ? 'matched nothing' : w.status)}</td><td><code>${esc(w.rule)}</code></td><td><code class="arn">${esc(w.resource)}</code></td><td>${esc(w.owner ?? '')}</td><td>${esc(w.expires ?? '')}</td><td>${w.matched}</td><td>${esc(w.reason)}</td></tr>`,
    )
    .join('');
  return `<section id="waivers"><h2>Waivers</h2><p class="muted">From <code>${esc(model.waivers.file)}</code>. Expired waivers no longer apply; waivers that matched nothing can probably go.</p>
<table class="plain"><thead><tr><th>Status</th><th>Rule</th><th>Resource</th><th>Owner</th><th>Expires</th><th>Matched</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
