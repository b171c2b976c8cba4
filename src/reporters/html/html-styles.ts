/** Inline styles: the report is one file with nothing to fetch. */
export const STYLES = `
:root { --bg:#f5f6f8; --card:#fff; --ink:#1d2433; --muted:#667085; --line:#e4e7ec; --accent:#3b5bdb; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif; color:var(--ink); background:var(--bg); }
header.top { background:linear-gradient(120deg,#1b2a4e,#2d4a8a); color:#fff; padding:24px 32px 20px; }
header.top h1 { margin:0 0 4px; font-size:22px; font-weight:650; letter-spacing:.2px; }
header.top .meta { opacity:.85; font-size:13px; }
header.top .incomplete { display:inline-block; margin-top:10px; background:#fff3bf; color:#5c3c00; padding:4px 10px; border-radius:6px; font-weight:600; }
main { padding:20px 32px 40px; max-width:1400px; margin:0 auto; }
.kpis { display:grid; grid-template-columns:repeat(auto-fit,minmax(118px,1fr)); gap:12px; margin:-34px 0 20px; }
.kpi { background:var(--card); border-radius:10px; padding:14px 16px; box-shadow:0 1px 3px rgba(16,24,40,.08); border-top:4px solid var(--accent); }
.kpi .value { font-size:26px; font-weight:700; line-height:1.1; }
.kpi .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.4px; }
.kpi.critical { border-top-color:#b42318; } .kpi.high { border-top-color:#e8590c; } .kpi.good { border-top-color:#2f9e44; } .kpi.warn { border-top-color:#f08c00; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(380px,1fr)); gap:14px; }
.card { background:var(--card); border-radius:10px; padding:12px 16px; box-shadow:0 1px 3px rgba(16,24,40,.08); }
.card.wide { grid-column:1/-1; } .card.wide .chart { margin:0; }
.card h2 { font-size:15px; margin:0; } .card .sub { color:var(--muted); font-size:12px; margin:2px 0 10px; }
section { margin-top:22px; } section > h2 { font-size:17px; margin:0 0 10px; }
.chart { display:block; max-width:100%; height:auto; margin:0 auto; }
.chart .axis-label { font-size:12px; fill:#344054; } .chart .value-label { font-size:12px; fill:#475467; } .chart .strong { font-weight:600; }
.chart .track { fill:#f2f4f7; } .chart .track-ring { stroke:#f2f4f7; } .chart .axis { stroke:#d0d5dd; }
.chart .marker { stroke:#b42318; stroke-dasharray:4 3; } .chart .marker-label { font-size:11px; fill:#b42318; }
.chart .donut-total { font-size:30px; font-weight:700; fill:var(--ink); }
.chart .clickable { cursor:pointer; } .chart .clickable:hover .bar, .chart .clickable:hover rect { opacity:.8; }
.filters { display:flex; flex-wrap:wrap; gap:8px; align-items:center; margin-bottom:10px; }
.filters input, .filters select, .filters button { font:inherit; padding:6px 10px; border:1px solid #d0d5dd; border-radius:6px; background:#fff; }
.filters input { min-width:260px; flex:1; max-width:420px; } .filters select { max-width:260px; }
.filters button { cursor:pointer; } .filters button:hover { background:#f2f4f7; }
table.findings, table.plain { width:100%; border-collapse:collapse; background:var(--card); border-radius:10px; overflow:hidden; box-shadow:0 1px 3px rgba(16,24,40,.08); }
table th { text-align:left; font-size:12px; text-transform:uppercase; letter-spacing:.4px; color:var(--muted); background:#f9fafb; padding:10px; border-bottom:1px solid var(--line); white-space:nowrap; }
table.findings th { cursor:pointer; user-select:none; }
th[aria-sort="ascending"] .sort-icon::after { content:" ▲"; } th[aria-sort="descending"] .sort-icon::after { content:" ▼"; }
table td { padding:9px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
tr.finding { cursor:pointer; } tr.finding:hover { background:#f8f9fc; } tr.finding[aria-expanded="true"] { background:#eef2ff; }
tr.advice td { background:#fbfcff; padding:12px 18px 16px; }
code { font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
/* ARNs break only where <wbr> marks a ':' or '/' (overflow-wrap is the last resort for a very long segment). */
code.arn { word-break:normal; overflow-wrap:anywhere; }
/* The findings table scrolls inside the page, so the page stays short whatever the number of findings. */
.table-scroll { max-height:80vh; overflow:auto; border-radius:10px; box-shadow:0 1px 3px rgba(16,24,40,.08); }
.table-scroll table.findings { box-shadow:none; border-radius:0; overflow:visible; table-layout:fixed; }
.table-scroll thead th { position:sticky; top:0; z-index:1; }
table.findings col.c-sev { width:92px; } table.findings col.c-rule { width:22%; } table.findings col.c-acct { width:150px; }
table.findings col.c-res { width:27%; } table.findings col.c-status { width:84px; }
tr.finding.related td { padding-top:3px; padding-bottom:5px; font-size:13px; background:#fcfcfd; }
tr.finding.related td:first-child { border-left:3px solid #d0d5dd; }
.related-note { display:inline-block; margin-top:3px; color:var(--muted); font-size:12px; }
pre { background:#101828; color:#e4e7ec; padding:10px 12px; border-radius:6px; overflow:auto; }
.muted { color:var(--muted); } .rule-title { font-weight:550; }
.sev, .status, .tag { display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600; white-space:nowrap; }
.sev-critical { background:#fee4e2; color:#912018; } .sev-high { background:#ffead5; color:#9c2a10; } .sev-medium { background:#fef7c3; color:#854a0e; }
.sev-low { background:#dbeafe; color:#1e40af; } .sev-info { background:#f2f4f7; color:#344054; }
.status-open { background:#f2f4f7; color:#344054; } .status-new { background:#fee4e2; color:#912018; } .status-waived { background:#ebe9fe; color:#4a1fb8; } .status-fixed { background:#d3f9d8; color:#2b8a3e; }
.tag { background:#eef2ff; color:#3538cd; margin-right:6px; }
.migration, .fix { margin:8px 0; } .migration ol, .fix ol { margin:6px 0 0 18px; padding:0; }
.cut-notice { background:#fff3bf; padding:8px 12px; border-radius:6px; }
.waiver-note { background:#f4f3ff; padding:6px 10px; border-radius:6px; }
.pill-passed { color:#2b8a3e; font-weight:600; } .pill-failed { color:#b42318; font-weight:600; } .pill-not_evaluated { color:#b54708; font-weight:600; }
details.framework { background:var(--card); border-radius:10px; padding:10px 16px; margin-bottom:10px; box-shadow:0 1px 3px rgba(16,24,40,.08); }
details.framework summary { cursor:pointer; font-weight:600; }
.progress { display:inline-block; width:120px; height:8px; background:#f2f4f7; border-radius:4px; vertical-align:middle; margin-left:8px; overflow:hidden; }
.progress > span { display:block; height:100%; background:#2f9e44; }
footer { color:var(--muted); font-size:12px; text-align:center; padding:20px; }
@media print { .filters { display:none; } tr.advice[hidden] { display:none; } header.top { background:#1b2a4e; -webkit-print-color-adjust:exact; print-color-adjust:exact; } }
`;
