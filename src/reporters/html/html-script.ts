/**
 * The report's only script: sort and filter the findings table, open a row's advice, and let chart
 * marks filter the table. Plain ES2017 so any browser opening a mailed file runs it; no network.
 */
export const TABLE_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table) return;
  var tbody = table.tBodies[0];
  var controls = {
    text: document.getElementById('filter-text'),
    severity: document.getElementById('filter-severity'),
    account: document.getElementById('filter-account'),
    rule: document.getElementById('filter-rule'),
    status: document.getElementById('filter-status'),
  };
  var counter = document.getElementById('visible-count');
  var noMatch = document.getElementById('no-match');

  function pairs() {
    var rows = Array.prototype.slice.call(tbody.querySelectorAll('tr.finding'));
    return rows.map(function (row) { return [row, document.getElementById(row.getAttribute('aria-controls'))]; });
  }

  function applyFilters() {
    var text = controls.text.value.trim().toLowerCase();
    var shown = 0;
    var all = pairs();
    all.forEach(function (pair) {
      var row = pair[0];
      var ok = (!text || row.dataset.search.indexOf(text) !== -1) &&
        (!controls.severity.value || row.dataset.severity === controls.severity.value) &&
        (!controls.account.value || row.dataset.account === controls.account.value) &&
        (!controls.rule.value || row.dataset.rule === controls.rule.value) &&
        (!controls.status.value || row.dataset.status === controls.status.value);
      row.hidden = !ok;
      if (!ok) { pair[1].hidden = true; row.setAttribute('aria-expanded', 'false'); }
      if (ok) shown++;
    });
    counter.textContent = shown + ' of ' + all.length + ' findings';
    noMatch.hidden = shown !== 0;
  }

  var sortState = { key: null, dir: 1 };
  function sortBy(key) {
    sortState.dir = sortState.key === key ? -sortState.dir : (key === 'severity' ? -1 : 1);
    sortState.key = key;
    var attr = key === 'severity' ? 'severityRank' : key;
    var sorted = pairs().sort(function (a, b) {
      var x = a[0].dataset[attr] || '', y = b[0].dataset[attr] || '';
      var cmp = key === 'severity' ? Number(x) - Number(y) : x.localeCompare(y);
      return cmp * sortState.dir;
    });
    sorted.forEach(function (pair) { tbody.appendChild(pair[0]); tbody.appendChild(pair[1]); });
    Array.prototype.forEach.call(table.tHead.querySelectorAll('th'), function (th) {
      th.setAttribute('aria-sort', th.dataset.sort === key ? (sortState.dir === 1 ? 'ascending' : 'descending') : 'none');
    });
  }

  Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-sort]'), function (th) {
    th.addEventListener('click', function () { sortBy(th.dataset.sort); });
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(th.dataset.sort); } });
  });

  function toggle(row) {
    var advice = document.getElementById(row.getAttribute('aria-controls'));
    advice.hidden = !advice.hidden;
    row.setAttribute('aria-expanded', String(!advice.hidden));
  }
  tbody.addEventListener('click', function (e) {
    var row = e.target.closest('tr.finding');
    if (row && !window.getSelection().toString()) toggle(row);
  });
  tbody.addEventListener('keydown', function (e) {
    var row = e.target.closest('tr.finding');
    if (row && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); toggle(row); }
  });

  Object.keys(controls).forEach(function (name) {
    controls[name].addEventListener(name === 'text' ? 'input' : 'change', applyFilters);
  });
  document.getElementById('filter-reset').addEventListener('click', function () {
    Object.keys(controls).forEach(function (name) { controls[name].value = ''; });
    applyFilters();
  });

  ['account', 'rule', 'severity'].forEach(function (name) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-filter-' + name + ']'), function (mark) {
      mark.addEventListener('click', function () {
        controls[name].value = mark.getAttribute('data-filter-' + name);
        applyFilters();
        table.scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
    });
  });

  applyFilters();
})();
`;
