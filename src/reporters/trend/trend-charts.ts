import { SEVERITIES } from '../../findings/severity.js';
import type { TrendReport, TrendScan } from '../../history/trend-model.js';
import { esc, SEVERITY_COLORS } from '../../io/text/html-escape.js';

/*
 * The trend's charts as inline SVG (no script, no fetch: they render under report.html's CSP). Every
 * chart carries data-chart and every mark data-value and data-scan, so a browser test can read what was drawn.
 */

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { left: 48, right: 16, top: 14, bottom: 40 };
const day = (iso: string) => iso.slice(0, 10);

interface Line {
  id: string;
  label: string;
  color: string;
  values: Array<number | null>;
}

function xAt(index: number, count: number): number {
  const inner = WIDTH - PAD.left - PAD.right;
  return PAD.left + (count <= 1 ? inner / 2 : (index / (count - 1)) * inner);
}

function yAt(value: number, max: number): number {
  const inner = HEIGHT - PAD.top - PAD.bottom;
  return PAD.top + inner - (value / max) * inner;
}

function axes(scans: TrendScan[], max: number): string {
  const ticks = [0, Math.round(max / 2), max]
    .map(
      (t) =>
        `<line class="axis" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${yAt(t, max).toFixed(1)}" y2="${yAt(t, max).toFixed(1)}" stroke-opacity=".4"/><text class="value-label" x="${PAD.left - 6}" y="${(yAt(t, max) + 4).toFixed(1)}" text-anchor="end">${t}</text>`,
    )
    .join('');
  const step = Math.max(1, Math.ceil(scans.length / 8));
  const labels = scans
    .map((s, i) =>
      i % step === 0 || i === scans.length - 1
        ? `<text class="axis-label" x="${xAt(i, scans.length).toFixed(1)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="middle">${esc(day(s.takenAt))}</text>`
        : '',
    )
    .join('');
  return ticks + labels;
}

function legend(items: Array<{ label: string; color: string }>): string {
  return `<p class="sub">${items
    .map(
      (i) =>
        `<span style="display:inline-block;width:10px;height:10px;background:${i.color};margin:0 4px 0 10px"></span>${esc(i.label)}`,
    )
    .join('')}</p>`;
}

function lineChart(chartId: string, title: string, scans: TrendScan[], lines: Line[]): string {
  const max = Math.max(1, ...lines.flatMap((l) => l.values.filter((v): v is number => v !== null)));
  const body = lines
    .map((line) => {
      const points = line.values
        .map((v, i) => (v === null ? null : `${xAt(i, scans.length).toFixed(1)},${yAt(v, max).toFixed(1)}`))
        .filter((p): p is string => p !== null);
      const marks = line.values
        .map((v, i) =>
          v === null
            ? ''
            : `<circle class="point" data-series="${line.id}" data-scan="${esc(scans[i]!.takenAt)}" data-value="${v}" cx="${xAt(i, scans.length).toFixed(1)}" cy="${yAt(v, max).toFixed(1)}" r="3.5" fill="${line.color}"><title>${esc(`${day(scans[i]!.takenAt)}: ${line.label} ${v}`)}</title></circle>`,
        )
        .join('');
      return `<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${points.join(' ')}"/>${marks}`;
    })
    .join('');
  return `${legend(lines)}<svg class="chart" data-chart="${chartId}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${esc(title)}">${axes(scans, max)}${body}</svg>`;
}

function stackedBars(
  chartId: string,
  title: string,
  scans: TrendScan[],
  series: Array<{ id: string; label: string; color: string; value: (s: TrendScan) => number }>,
): string {
  const max = Math.max(1, ...scans.map((s) => series.reduce((t, x) => t + x.value(s), 0)));
  const inner = WIDTH - PAD.left - PAD.right;
  const barWidth = Math.max(4, Math.min(36, (inner / Math.max(1, scans.length)) * 0.6));
  const bars = scans
    .map((scan, i) => {
      const x = xAt(i, scans.length) - barWidth / 2;
      let base = 0;
      return series
        .map((s) => {
          const v = s.value(scan);
          const top = yAt(base + v, max);
          const rect = `<rect class="bar" data-series="${s.id}" data-scan="${esc(scan.takenAt)}" data-value="${v}" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(yAt(base, max) - top).toFixed(1)}" fill="${s.color}"><title>${esc(`${day(scan.takenAt)}: ${s.label} ${v}`)}</title></rect>`;
          base += v;
          return rect;
        })
        .join('');
    })
    .join('');
  return `${legend(series)}<svg class="chart" data-chart="${chartId}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${esc(title)}">${axes(scans, max)}${bars}</svg>`;
}

export interface TrendChart {
  id: string;
  title: string;
  subtitle: string;
  html: string;
}

export function trendCharts(trend: TrendReport): TrendChart[] {
  const scans = trend.scans;
  return [
    {
      id: 'trend-burndown',
      title: 'Burndown: IAM users of people',
      subtitle: trend.burndown.projection?.statement ?? 'Two scans or more give a projected finish date.',
      html: lineChart('trend-burndown', 'IAM users of people and Identity Center access per scan', scans, [
        {
          id: 'humanIamUsers',
          label: 'IAM users of people',
          color: '#e8590c',
          values: scans.map((s) => s.humanIamUsers),
        },
        {
          id: 'identityCenterUsers',
          label: 'people via Identity Center (per account)',
          color: '#2f9e44',
          values: scans.map((s) => s.identityCenterUsers),
        },
      ]),
    },
    {
      id: 'trend-keys',
      title: 'Access keys',
      subtitle: 'Active keys and keys over the age limit, per scan.',
      html: lineChart('trend-keys', 'Access keys per scan', scans, [
        { id: 'activeKeys', label: 'active keys', color: '#3b5bdb', values: scans.map((s) => s.activeKeys) },
        {
          id: 'keysOverLimit',
          label: 'over the age limit',
          color: '#b42318',
          values: scans.map((s) => s.keysOverLimit),
        },
      ]),
    },
    {
      id: 'trend-open',
      title: 'Open findings by severity',
      subtitle: 'Waived findings are not counted.',
      html: stackedBars(
        'trend-open',
        'Open findings by severity per scan',
        scans,
        SEVERITIES.map((s) => ({
          id: s,
          label: s,
          color: SEVERITY_COLORS[s]!,
          value: (scan: TrendScan) => scan.open[s],
        })),
      ),
    },
    {
      id: 'trend-changes',
      title: 'New, reopened and fixed',
      subtitle:
        'Since the scan before; a finding gone from an account not fully scanned is not counted as fixed.',
      html: stackedBars('trend-changes', 'New, reopened and fixed findings per scan', scans, [
        { id: 'new', label: 'new', color: '#b42318', value: (s) => s.new },
        { id: 'reopened', label: 'reopened', color: '#f08c00', value: (s) => s.reopened },
        { id: 'fixed', label: 'fixed', color: '#2f9e44', value: (s) => s.fixed },
      ]),
    },
  ];
}

/** The charts as report.html's cards (the same markup its own charts use). */
export function trendSectionHtml(trend: TrendReport): string {
  const cards = trendCharts(trend)
    .map(
      (c) =>
        `<div class="card wide" id="chart-${c.id}"><h2>${esc(c.title)}</h2><p class="sub">${esc(c.subtitle)}</p>${c.html}</div>`,
    )
    .join('\n');
  return `<section id="trend-section"><h2>Trend (${trend.scans.length} scans in the history file)</h2>
<div class="grid">
${cards}
</div>
</section>`;
}
