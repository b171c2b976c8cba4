import type { ReportFinding } from './report-schema.js';

/**
 * A finding as a plain object, for a copy (`{ ...plainFinding(f), waiver }`): a finding read back from a
 * spool keeps its id, message, advice and details in getters, which a spread does not copy; its `toJSON()`
 * is the finding as the engine made it. A plain finding is returned as it is.
 */
export function plainFinding(finding: ReportFinding): ReportFinding {
  const toJSON = (finding as { toJSON?: () => ReportFinding }).toJSON;
  return typeof toJSON === 'function' ? toJSON.call(finding) : finding;
}
