import { esc } from '../../io/text/html-escape.js';

/**
 * Small server-side SVG charts: they render without JavaScript or network, print well, and stay
 * readable when the file is mailed around. Each chart carries data-chart and each mark data-value,
 * so the browser test can check what was drawn.
 */
export interface BarSegment {
  label: string;
  value: number;
  color: string;
}

export interface BarRow {
  label: string;
  /** Shown after the bar, e.g. "12" or "40%". */
  caption: string;
  segments: BarSegment[];
  /** Set on the row so a click can filter the findings table (attribute name → value). */
  filter?: { name: string; value: string };
  /** Hover text for the label (e.g. a rule's title when the label is its id); defaults to the label. */
  tooltip?: string;
}

const ROW_HEIGHT = 26;

export interface BarOptions {
  /** Scale maximum (e.g. 100 for percentages); default the largest row. */
  max?: number;
  /** Room for row labels, in px. */
  labelWidth?: number;
  barWidth?: number;
}

export function horizontalBars(
  chartId: string,
  title: string,
  rows: BarRow[],
  options: BarOptions = {},
): string {
  const labelWidth = options.labelWidth ?? 190;
  const barWidth = options.barWidth ?? 300;
  const maxLabelChars = Math.floor((labelWidth - 12) / 6.6);
  const maxOverride = options.max;
  if (rows.length === 0) return emptyChart(chartId, title);
  const max = maxOverride ?? Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  const height = rows.length * ROW_HEIGHT + 8;
  const width = labelWidth + barWidth + 130;
  const body = rows
    .map((row, i) => {
      const y = i * ROW_HEIGHT + 4;
      let x = labelWidth;
      const rects = row.segments
        .filter((s) => s.value > 0)
        .map((s) => {
          const w = Math.max(2, (s.value / max) * barWidth);
          const rect = `<rect class="bar" x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW_HEIGHT - 8}" rx="3" fill="${s.color}" data-value="${s.value}"><title>${esc(`${row.label}: ${s.label} ${s.value}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      const filter = row.filter
        ? ` class="bar-row clickable" data-filter-${row.filter.name}="${esc(row.filter.value)}"`
        : ' class="bar-row"';
      return (
        `<g${filter}><text x="${labelWidth - 8}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="end" class="axis-label">${esc(truncate(row.label, maxLabelChars))}<title>${esc(row.tooltip ?? row.label)}</title></text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${ROW_HEIGHT - 8}" rx="3" class="track"/>${rects}` +
        `<text x="${x + 6}" y="${y + ROW_HEIGHT / 2 + 4}" class="value-label">${esc(row.caption)}</text></g>`
      );
    })
    .join('');
  return svg(chartId, title, width, height, body);
}

export interface Slice {
  label: string;
  value: number;
  color: string;
}

/** A donut with the total in the middle and a legend beside it. */
export function donut(chartId: string, title: string, slices: Slice[], centerCaption: string): string {
  const total = slices.reduce((s, x) => s + x.value, 0);
  const r = 62;
  const circumference = 2 * Math.PI * r;
  let offset = 0;
  const arcs =
    total === 0
      ? `<circle cx="90" cy="90" r="${r}" class="track-ring" fill="none" stroke-width="26"/>`
      : slices
          .filter((s) => s.value > 0)
          .map((s) => {
            const length = (s.value / total) * circumference;
            const arc = `<circle class="slice" cx="90" cy="90" r="${r}" fill="none" stroke="${s.color}" stroke-width="26" stroke-dasharray="${length.toFixed(2)} ${(circumference - length).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 90 90)" data-value="${s.value}"><title>${esc(`${s.label}: ${s.value}`)}</title></circle>`;
            offset += length;
            return arc;
          })
          .join('');
  const legend = slices
    .map(
      (s, i) =>
        `<g class="legend-item clickable" data-filter-severity="${esc(s.label)}" transform="translate(200 ${28 + i * 26})"><rect width="14" height="14" rx="3" fill="${s.color}"/><text x="22" y="12" class="axis-label">${esc(s.label)}</text><text x="130" y="12" text-anchor="end" class="value-label strong">${s.value}</text></g>`,
    )
    .join('');
  const center = `<text x="90" y="88" text-anchor="middle" class="donut-total">${total}</text><text x="90" y="108" text-anchor="middle" class="axis-label">${esc(centerCaption)}</text>`;
  return svg(chartId, title, 380, 180, arcs + center + legend, 1.3);
}

export interface Column {
  label: string;
  value: number;
  color: string;
}

/** Vertical columns, e.g. a histogram, with an optional dashed marker between two columns. */
export function columns(
  chartId: string,
  title: string,
  cols: Column[],
  markerAfter?: { index: number; label: string },
): string {
  const width = 520;
  const height = 200;
  const plotTop = 40;
  const plotBottom = height - 34;
  const max = Math.max(1, ...cols.map((c) => c.value));
  const step = (width - 40) / Math.max(1, cols.length);
  const body = cols
    .map((c, i) => {
      const h = (c.value / max) * (plotBottom - plotTop);
      const x = 20 + i * step + step * 0.15;
      const w = step * 0.7;
      return (
        `<rect class="bar" x="${x.toFixed(1)}" y="${(plotBottom - h).toFixed(1)}" width="${w.toFixed(1)}" height="${Math.max(h, c.value > 0 ? 2 : 0).toFixed(1)}" rx="3" fill="${c.color}" data-value="${c.value}"><title>${esc(`${c.label}: ${c.value}`)}</title></rect>` +
        `<text x="${(x + w / 2).toFixed(1)}" y="${(plotBottom - h - 5).toFixed(1)}" text-anchor="middle" class="value-label strong">${c.value}</text>` +
        `<text x="${(x + w / 2).toFixed(1)}" y="${plotBottom + 16}" text-anchor="middle" class="axis-label">${esc(c.label)}</text>`
      );
    })
    .join('');
  const baseline = `<line x1="16" x2="${width - 16}" y1="${plotBottom}" y2="${plotBottom}" class="axis"/>`;
  const marker =
    markerAfter === undefined
      ? ''
      : (() => {
          const x = 20 + (markerAfter.index + 1) * step;
          return `<line x1="${x}" x2="${x}" y1="8" y2="${plotBottom}" class="marker"/><text x="${x + 5}" y="16" class="marker-label">${esc(markerAfter.label)}</text>`;
        })();
  return svg(chartId, title, width, height, baseline + body + marker, 1.15);
}

function svg(chartId: string, title: string, width: number, height: number, body: string, scale = 1): string {
  // Natural size (scaled down only when the card is narrower) keeps text the same size in every chart.
  return `<svg class="chart" data-chart="${esc(chartId)}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${Math.round(width * scale)}" height="${Math.round(height * scale)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

function emptyChart(chartId: string, title: string): string {
  return svg(chartId, title, 400, 60, '<text x="10" y="34" class="axis-label">Nothing to show.</text>');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
