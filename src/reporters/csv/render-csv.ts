import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from '../../report/report-model.js';
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
  const names = accountNames(model);
  const rows = model.findings.map((f) => ({
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
  }));
  const safe = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, neutralizeFormula(value)])),
  );
  return stringify(safe, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}

function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
