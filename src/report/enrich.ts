import { InputError } from '../io/input-error.js';
import type { ReportModel } from './report-model.js';

export interface EnrichOptions {
  waiversPath?: string;
  baselinePath?: string;
  now: Date;
}

/** Applies waivers and a baseline report to a model (waived findings stay, marked). */
export async function enrichReport(model: ReportModel, options: EnrichOptions): Promise<ReportModel> {
  if (options.waiversPath) throw new InputError('--waivers: not built yet');
  if (options.baselinePath) throw new InputError('--baseline: not built yet');
  return model;
}
