import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ReportFinding } from '../../src/report/model/report-model.js';
import { renderConsoleSummary } from '../../src/reporters/console/render-console.js';
import { CSV_COLUMNS, renderCsv } from '../../src/reporters/csv/render-csv.js';
import { demoModel } from './support/demo-model.js';

describe('report.csv', () => {
  it('has a header and one row per finding that round-trips through a CSV parser', async () => {
    const model = await demoModel();
    const rows = parse(renderCsv(model), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(model.findings.length);
    expect(rows[0]?.severity).toBe('critical');
    expect(rows.find((row) => row.ruleId === 'root-access-keys-exist')).toMatchObject({
      severity: 'critical',
      ruleId: 'root-access-keys-exist',
      accountName: 'web-dev',
      status: 'open',
    });
    expect(rows[0]?.fixCli?.split('\n').length).toBe(model.findings[0]?.advice.fixNow.cli.length);
  });

  it('marks waived findings and defuses spreadsheet formulas', async () => {
    const model = await demoModel();
    const first = model.findings[0] as ReportFinding;
    first.waiver = { reason: '=HYPERLINK("http://evil")', owner: 'ops', expires: '2027-01-01' };
    const rows = parse(renderCsv(model), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]?.status).toBe('waived');
    expect(rows[0]?.waiverReason).toBe(`'=HYPERLINK("http://evil")`);
  });
});

describe('console summary', () => {
  it('is short: counts by severity, and accounts not covered', async () => {
    const model = await demoModel();
    const account = model.scan.accounts[2];
    if (account) Object.assign(account, { status: 'partial', error: 'iam.users: Throttling' });
    const text = renderConsoleSummary(model);
    const c = model.summary.bySeverity;
    expect(text.split('\n').length).toBeLessThanOrEqual(6);
    expect(text).toContain(
      `${model.summary.total} open finding(s) in 14 account(s): critical ${c.critical}, high ${c.high}, medium ${c.medium}, low ${c.low}, info ${c.info}`,
    );
    expect(text).toContain(`not covered: ${account?.id} (${account?.name}, partial)`);
  });
});
