import type { ReportModel } from '../model/report-model.js';
import { accountNames } from '../report-view.js';

export const CSV_COLUMNS = [
  'severity',
  'ruleId',
  'accountId',
  'accountName',
  'resourceType',
  'resourceArn',
  'subject',
  'message',
  'advice',
  'migration',
  'fixConsole',
  'fixCli',
  'compliance',
  'status',
  'waiverReason',
  'waiverOwner',
  'waiverExpires',
  'baselineState',
  'findingId',
] as const;

/**
 * One row per finding for spreadsheets. Cells a spreadsheet would run as a formula (leading = + - @)
 * are prefixed with a quote: ARNs and messages come from AWS names that anyone with IAM access can set.
 */
export function renderCsv(model: ReportModel): string {
  return [...renderCsvChunks(model)].join('');
}

const ROWS_PER_CHUNK = 2_000;

/** The CSV in chunks of rows, so a huge organization never needs one giant string. */
export function* renderCsvChunks(model: ReportModel): Generator<string> {
  const names = accountNames(model);
  for (let start = 0; start === 0 || start < model.findings.length; start += ROWS_PER_CHUNK) {
    const lines = start === 0 ? [csvLine(CSV_COLUMNS)] : [];
    for (const f of model.findings.slice(start, start + ROWS_PER_CHUNK)) {
      lines.push(csvLine(Object.values(csvRow(f, names))));
    }
    yield lines.join('');
  }
}

/**
 * One RFC 4180 record ending in CRLF, a cell quoted when it holds a comma, quote, CR or LF (multi-line
 * fix steps included, so every spreadsheet reads them as one cell). Hand-written: csv-stringify's
 * per-field option handling was a third of the CSV time at 100k users.
 */
function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i]!;
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\r\n`;
}
const NEEDS_QUOTES = /[",\r\n]/;

function csvRow(f: ReportModel['findings'][number], names: Map<string, string>): Record<string, string> {
  const row = {
    severity: f.severity,
    ruleId: f.ruleId,
    accountId: f.accountId,
    accountName: names.get(f.accountId) ?? '',
    resourceType: f.resourceType,
    resourceArn: f.resourceArn,
    subject: f.subject,
    message: f.message,
    advice: f.advice.summary,
    migration: f.advice.migration?.summary ?? '',
    fixConsole: f.advice.fixNow.console.join('\n'),
    fixCli: f.advice.fixNow.cli.join('\n'),
    compliance: f.compliance.map((c) => `${c.framework} ${c.control}`).join('; '),
    status: f.baselineState === 'absent' ? 'fixed' : f.waiver ? 'waived' : 'open',
    waiverReason: f.waiver?.reason ?? '',
    waiverOwner: f.waiver?.owner ?? '',
    waiverExpires: f.waiver?.expires ?? '',
    baselineState: f.baselineState ?? '',
    findingId: f.id,
  };
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, neutralizeFormula(value)]));
}

export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
