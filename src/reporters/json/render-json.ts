import { compactFindings, rulesById, toReportFile } from '../model/report-file.js';
import type { ReportModel } from '../model/report-model.js';

const FINDINGS_MARKER = '"findings": []';
/** Big enough that stream overhead is negligible, small enough to stay far from V8's string limit. */
const FINDINGS_PER_CHUNK = 500;
const WRAPPER_HEAD = '{\n  "findings": [\n';
const WRAPPER_TAIL = '\n  ]\n}';

/**
 * report.json in chunks: the report file (toReportFile: findings compacted against rules[]) pretty-printed
 * as JSON.stringify(file, null, 2) would, but with the findings compacted and streamed in batches, so an
 * organization with hundreds of thousands of findings never needs one string larger than V8 allows.
 * Its published contract is schemas/report.schema.json.
 */
export function* renderJsonChunks(model: ReportModel): Generator<string> {
  if (model.findings.length === 0) {
    yield `${JSON.stringify(toReportFile(model), null, 2)}\n`;
    return;
  }
  const rules = rulesById(model.rules);
  const shell = JSON.stringify({ ...model, findings: [] }, null, 2);
  const at = shell.indexOf(FINDINGS_MARKER);
  yield `${shell.slice(0, at)}"findings": [\n`;
  for (let start = 0; start < model.findings.length; start += FINDINGS_PER_CHUNK) {
    const batch = compactFindings(model.findings.slice(start, start + FINDINGS_PER_CHUNK), rules);
    // V8 indents the batch at the depth it has in the report; the wrapper is cut off again. No regex
    // pass over ~1 GB of text, as re-indenting each finding's own JSON.stringify output needed.
    const wrapped = JSON.stringify({ findings: batch }, null, 2);
    const text = wrapped.slice(WRAPPER_HEAD.length, wrapped.length - WRAPPER_TAIL.length);
    yield start === 0 ? text : `,\n${text}`;
  }
  yield `\n  ]${shell.slice(at + FINDINGS_MARKER.length)}\n`;
}

export function renderJson(model: ReportModel): string {
  return [...renderJsonChunks(model)].join('');
}
