import type { AccessMatrix } from '../access-matrix/access-matrix-schema.js';
import type { TrendReport } from '../history/trend-model.js';
import { chunksText } from '../io/utf8-chunks.js';
import type { ReportModel } from '../report/model/report-model.js';
import { renderConsoleSummary } from './console/render-console.js';
import { renderCsvChunks } from './csv/render-csv.js';
import type { AccessSummary } from './html/html-access-section.js';
import { renderHtml } from './html/render-html.js';
import { renderJsonChunks } from './json/render-json.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import { renderSarif } from './sarif/render-sarif.js';
import type { SarifLimits } from './sarif/sarif-limits.js';
import { trendSectionHtml } from './trend/trend-charts.js';
import { trendSentence } from './trend/trend-sentence.js';

export const REPORT_FORMATS = ['sarif', 'json', 'md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** SARIF automationDetails.id category; default derived from the organization. */
  category?: string;
  /** SARIF result limits; default GitHub's (tests lower them). */
  sarifLimits?: SarifLimits;
  /** Adds the "who can reach which account" section to report.html. */
  accessMatrix?: AccessMatrix | AccessSummary;
  /** From the scan history (scan --history): a trend line in report.md, trend charts in report.html. */
  trend?: TrendReport;
}

export interface RenderedReport {
  fileName: string;
  /**
   * Chunks, rendered only when read: the CLI writes one report after another, so one format's working
   * data is garbage before the next is rendered. JSON and CSV stream many chunks of UTF-8; the others
   * one string.
   */
  content: Iterable<string | Uint8Array>;
}

const RENDERERS: Record<
  ReportFormat,
  { fileName: string; render: (m: ReportModel, o: RenderOptions) => string | Iterable<string | Uint8Array> }
> = {
  sarif: {
    fileName: 'report.sarif',
    render: (model, options) =>
      renderSarif(model, { category: options.category, limits: options.sarifLimits }),
  },
  json: { fileName: 'report.json', render: (model) => renderJsonChunks(model) },
  md: {
    fileName: 'report.md',
    render: (model, options) => renderMarkdown(model, options.trend && trendSentence(options.trend)),
  },
  html: {
    fileName: 'report.html',
    render: (model, options) =>
      renderHtml(model, options.accessMatrix, options.trend && trendSectionHtml(options.trend)),
  },
  csv: { fileName: 'report.csv', render: (model) => renderCsvChunks(model) },
};

/**
 * The requested formats, each rendered when the CLI writes it (all atomically, one after another): at
 * 100k IAM users, rendering SARIF, Markdown and HTML up front kept all their working data alive at once.
 */
export function renderReports(
  model: ReportModel,
  formats: readonly ReportFormat[],
  options: RenderOptions,
): RenderedReport[] {
  return formats.map((format) => {
    const renderer = RENDERERS[format];
    return { fileName: renderer.fileName, content: renderWhenRead(() => renderer.render(model, options)) };
  });
}

function* renderWhenRead(
  render: () => string | Iterable<string | Uint8Array>,
): Generator<string | Uint8Array> {
  const content = render();
  if (typeof content === 'string') yield content;
  else yield* content;
}

export { renderConsoleSummary };

/** The whole text of a rendered report (for small reports and tests; large ones are streamed to disk). */
export function renderedText(content: RenderedReport['content'] | string): string {
  return typeof content === 'string' ? content : chunksText(content);
}
