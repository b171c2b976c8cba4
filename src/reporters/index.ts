import type { ReportModel } from '../report/report-model.js';
import { renderConsoleSummary } from './console/render-console.js';
import { renderCsv } from './csv/render-csv.js';
import { renderHtml } from './html/render-html.js';
import { renderJson } from './json/render-json.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import { renderSarif } from './sarif/render-sarif.js';
import type { SarifLimits } from './sarif/sarif-limits.js';

export const REPORT_FORMATS = ['sarif', 'json', 'md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** SARIF automationDetails.id category; default derived from the organization. */
  category?: string;
  /** SARIF result limits; default GitHub's (tests lower them). */
  sarifLimits?: SarifLimits;
}

export interface RenderedReport {
  fileName: string;
  content: string;
}

const RENDERERS: Record<
  ReportFormat,
  { fileName: string; render: (m: ReportModel, o: RenderOptions) => string }
> = {
  sarif: {
    fileName: 'report.sarif',
    render: (model, options) =>
      renderSarif(model, { category: options.category, limits: options.sarifLimits }),
  },
  json: { fileName: 'report.json', render: (model) => renderJson(model) },
  md: { fileName: 'report.md', render: (model) => renderMarkdown(model) },
  html: { fileName: 'report.html', render: (model) => renderHtml(model) },
  csv: { fileName: 'report.csv', render: (model) => renderCsv(model) },
};

/** Renders each requested format in memory; the CLI writes them all atomically afterwards. */
export function renderReports(
  model: ReportModel,
  formats: readonly ReportFormat[],
  options: RenderOptions,
): RenderedReport[] {
  return formats.map((format) => {
    const renderer = RENDERERS[format];
    return { fileName: renderer.fileName, content: renderer.render(model, options) };
  });
}

export { renderConsoleSummary };
