import { neutralizeFormula } from '../../io/text/csv-cell.js';
import { chunksText, isAscii, Utf8Chunks, utf8Bytes } from '../../io/utf8-chunks.js';
import type { ReportFinding, ReportModel } from '../../report/model/report-model.js';
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
  return chunksText(renderCsvChunks(model));
}

/**
 * The CSV as UTF-8 chunks, so a huge organization never needs one giant string. Cells that are the
 * same for every row of a rule (console steps, compliance) or of a resource (migration advice) are
 * encoded once: at 100k IAM users that text is most of the file. A rule's console steps (which say
 * "IAM console → Users") are copied as bytes, so the rest of a row stays one-byte text.
 */
export function* renderCsvChunks(model: ReportModel): Generator<Uint8Array> {
  const names = new Map<string, string>();
  for (const [id, name] of accountNames(model)) names.set(id, cell(name));
  const perRule = new Map<string, RuleCells>();
  const perMigration = new WeakMap<object, string>();
  const out = new Utf8Chunks();
  out.text(csvLine(CSV_COLUMNS));
  // One pass in list order (the findings may be read from disk: never indexed).
  for (const f of model.findings) {
    // Read once: rule steps are filled in when read (see adviceWithRuleSteps).
    const fixNow = f.advice.fixNow;
    let rule = perRule.get(f.ruleId);
    if (!rule || fixNow.console !== perRuleConsole.get(rule)) {
      rule = ruleCells(fixNow.console, f.compliance);
      perRuleConsole.set(rule, fixNow.console);
      perRule.set(f.ruleId, rule);
    }
    const migration = f.advice.migration;
    let migrationCell = '';
    if (migration) {
      migrationCell = perMigration.get(migration) ?? cell(migration.summary);
      perMigration.set(migration, migrationCell);
    }
    const status = f.baselineState === 'absent' ? 'fixed' : f.waiver ? 'waived' : 'open';
    const head =
      `${f.severity},${cell(f.ruleId)},${f.accountId},${names.get(f.accountId) ?? ''},${cell(f.resourceType)},` +
      `${cell(f.resourceArn)},${cell(f.subject)},${cell(f.message)},${cell(f.advice.summary)},${migrationCell},`;
    const tail =
      `,${cliCell(fixNow.cli)},${rule.compliance},${status},` +
      `${cell(f.waiver?.reason ?? '')},${cell(f.waiver?.owner ?? '')},${cell(f.waiver?.expires ?? '')},` +
      `${f.baselineState ?? ''},${f.id}\r\n`;
    if (rule.consoleBytes) {
      out.text(head);
      out.bytes(rule.consoleBytes);
      out.text(tail);
    } else out.text(head + rule.console + tail);
    if (out.hasFilled) yield* out.filled();
  }
  yield* out.rest();
}

interface RuleCells {
  console: string;
  /** The console cell as UTF-8 when it is not ASCII (copied, never encoded again). */
  consoleBytes: Uint8Array | undefined;
  compliance: string;
}

function ruleCells(console: readonly string[], compliance: ReportFinding['compliance']): RuleCells {
  const consoleCell = cell(console.join('\n'));
  return {
    console: consoleCell,
    consoleBytes: isAscii(consoleCell) ? undefined : utf8Bytes(consoleCell),
    compliance: cell(compliance.map((c) => `${c.framework} ${c.control}`).join('; ')),
  };
}

/** The console steps a per-rule cache entry was made from (a rule's findings share the array). */
const perRuleConsole = new WeakMap<object, readonly string[]>();

/**
 * The CLI steps' cell, once per steps array: a rule whose steps name nothing of the finding shares one
 * array among all its findings (fillFixSteps).
 */
function cliCell(cli: readonly string[]): string {
  let text = cliCells.get(cli);
  if (text === undefined) {
    text = cell(cli.join('\n'));
    if (Object.isFrozen(cli)) cliCells.set(cli, text);
  }
  return text;
}
const cliCells = new WeakMap<readonly string[], string>();

/** One RFC 4180 record ending in CRLF. */
function csvLine(cells: readonly string[]): string {
  return `${cells.map(cell).join(',')}\r\n`;
}

/**
 * One cell: formula-looking text defused, quoted when it holds a comma, quote, CR or LF (multi-line
 * fix steps included, so every spreadsheet reads them as one cell). Hand-written: csv-stringify's
 * per-field option handling was a third of the CSV time at 100k users.
 */
function cell(value: string): string {
  if (value === '') return value;
  const text = neutralizeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const NEEDS_QUOTES = /[",\r\n]/;
