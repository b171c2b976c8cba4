import type { ReportModel } from '../../report/report-model.js';

/** report.json is the model itself; its published contract is schemas/report.schema.json. */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
