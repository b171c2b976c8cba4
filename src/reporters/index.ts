import type { ReportModel } from '../report/report-model.js';

export const REPORT_FORMATS = ['sarif', 'json', 'md', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** SARIF automationDetails.id category; default derived from the organization. */
  category?: string;
}

export interface RenderedReport {
  fileName: string;
  content: string;
}

/** Renders each requested format in memory; the CLI writes them all atomically afterwards. */
export function renderReports(
  model: ReportModel,
  formats: readonly ReportFormat[],
  _options: RenderOptions,
): RenderedReport[] {
  return formats.map((format) => {
    if (format === 'json') return { fileName: 'report.json', content: `${JSON.stringify(model, null, 2)}\n` };
    throw new Error(`format ${format} is not built yet`);
  });
}

export function renderConsoleSummary(model: ReportModel): string {
  const s = model.summary.bySeverity;
  return `keysweep: ${model.summary.total} findings (critical ${s.critical}, high ${s.high}, medium ${s.medium}, low ${s.low}, info ${s.info})`;
}
