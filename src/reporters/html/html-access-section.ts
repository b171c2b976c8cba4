import { firstAccessRows } from '../../access-matrix/access-matrix.js';
import type { AccessMatrix, AccessRow } from '../../access-matrix/access-matrix-schema.js';
import type { Snapshot } from '../../inventory/snapshot-schema.js';
import { esc } from '../../io/text/html-escape.js';
import { AdminPeopleTally, adminPeopleByAccount } from '../access/render-access.js';

/** Like the findings table: beyond this the page gets heavy; the full matrix is `keysweep access`. */
export const MAX_ACCESS_ROWS = 5_000;

/**
 * What the access section shows, taken from the whole matrix: the first rows, the filters' choices for
 * them, the counts and the accounts with most administrators. Bounded in size, so a scan keeps this
 * instead of a matrix of every user in the organization until the HTML report is written.
 */
export interface AccessSummary {
  shown: AccessRow[];
  totalRows: number;
  unknown: AccessMatrix['unknown'];
  topAdminAccounts: Array<{ accountName: string; people: number }>;
}

export function summarizeAccess(matrix: AccessMatrix, limit = MAX_ACCESS_ROWS): AccessSummary {
  return {
    shown: matrix.rows.slice(0, limit),
    totalRows: matrix.rows.length,
    unknown: matrix.unknown,
    topAdminAccounts: topAdminAccounts(adminPeopleByAccount(matrix)),
  };
}

/** summarizeAccess(buildAccessMatrix(snapshot)) without the matrix (see firstAccessRows). */
export function summarizeAccessOf(snapshot: Snapshot, limit = MAX_ACCESS_ROWS): AccessSummary {
  const admins = new AdminPeopleTally();
  const first = firstAccessRows(snapshot, limit, (row) => admins.add(row));
  return {
    shown: first.rows,
    totalRows: first.totalRows,
    unknown: first.unknown,
    topAdminAccounts: topAdminAccounts(admins.byAccount()),
  };
}

function topAdminAccounts(
  byAccount: ReadonlyArray<{ accountName: string; people: readonly string[] }>,
): AccessSummary['topAdminAccounts'] {
  return byAccount.slice(0, 5).map((a) => ({ accountName: a.accountName, people: a.people.length }));
}

/**
 * "Who can reach which account": the access matrix, filterable by person and by account. The filters
 * offer the people and accounts of the rows shown (a filter for a row not on the page shows nothing).
 */
export function accessSection(access: AccessMatrix | AccessSummary): string {
  const summary = 'totalRows' in access ? access : summarizeAccess(access);
  const option = (value: string, label: string) => `<option value="${esc(value)}">${esc(label)}</option>`;
  const shown = summary.shown;
  const people = [...new Set(shown.map((r) => r.principal))].sort();
  const accounts = [...new Map(shown.map((r) => [targetKey(r), targetLabel(r)])).entries()].sort();
  const top = summary.topAdminAccounts;
  const rows = shown
    .map(
      (r) =>
        `<tr data-person="${esc(r.principal)}" data-account="${esc(targetKey(r))}"><td>${esc(r.principal)}</td><td>${esc(r.principalKind)}</td><td>${esc(targetLabel(r))}</td><td>${esc(r.path)}</td><td>${esc(r.via)}${r.credentials ? `<br><span class="muted">${esc(r.credentials)}</span>` : ''}</td><td>${esc(r.permission)}</td><td>${r.adminEquivalent === null ? 'unknown' : r.adminEquivalent ? 'yes' : 'no'}</td></tr>`,
    )
    .join('\n');
  return `<section id="access-section"><h2>Who can reach which account</h2>
<p class="muted">Identity Center account and application assignments (groups expanded to members), IAM users (with their long-lived credentials), cross-account roles reached from IAM users, and roles behind SAML/OIDC providers. Most people with administrator-equivalent access: ${top.map((a) => `${esc(a.accountName)} ${a.people}`).join(', ')}.</p>
${summary.totalRows > shown.length ? `<p class="cut-notice">Showing ${shown.length} of ${summary.totalRows} rows; run <code>keysweep access</code> for all.</p>` : ''}
${summary.unknown.length > 0 ? `<p class="incomplete">Not known for ${summary.unknown.length} slice(s) that were not collected: ${esc(summary.unknown.map((g) => `${g.accountId ?? 'organization'} ${g.slice}`).join(', '))}.</p>` : ''}
<div class="filters" role="search">
  <select id="access-person" aria-label="Person"><option value="">All people and workloads</option>${people.map((p) => option(p, p)).join('')}</select>
  <select id="access-account" aria-label="Account"><option value="">All accounts</option>${accounts.map(([id, name]) => option(id, name)).join('')}</select>
  <span id="access-count" class="muted" aria-live="polite">${shown.length} rows</span>
</div>
<table id="access" class="findings">
<thead><tr><th scope="col">Who</th><th scope="col">Kind</th><th scope="col">Account</th><th scope="col">Path</th><th scope="col">Via</th><th scope="col">Permission</th><th scope="col">Admin</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

/** What a row reaches: an account, or (application access) an Identity Center application. */
function targetKey(row: AccessRow): string {
  return row.application ? row.application.arn : row.accountId;
}

function targetLabel(row: AccessRow): string {
  return row.application ? `application ${row.application.name}` : `${row.accountName} (${row.accountId})`;
}

/** Filters the access table by the two selects; plain ES2017 like the findings script. */
export const ACCESS_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('access');
  if (!table) return;
  var person = document.getElementById('access-person');
  var account = document.getElementById('access-account');
  var count = document.getElementById('access-count');
  function apply() {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!person.value || row.dataset.person === person.value) &&
        (!account.value || row.dataset.account === account.value);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' rows';
  }
  person.addEventListener('change', apply);
  account.addEventListener('change', apply);
})();
`;
