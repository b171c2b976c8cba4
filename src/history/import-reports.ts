import { z } from 'zod';
import { readVersionedArrayStream } from '../inventory/versions/read-versioned-array-stream.js';
import { upgradeToCurrent } from '../inventory/versions/upgrade-chain.js';
import { describeZodError, InputError } from '../io/input-error.js';
import { reportFindingSchema, reportSummarySchema } from '../report/model/report-schema.js';
import { scanSummarySchema } from '../report/model/scan-status.js';
import { REPORT_VERSIONS } from '../report/versions/report-versions.js';
import { guarded, type HistoryFile } from './history-file.js';
import { recordScan } from './record-scan.js';
import { type RecordedFinding, type ScanRecord, scanRecordOfModel } from './scan-record.js';

/*
 * `keysweep history import REPORT.json…`: earlier reports (every report.json version the baseline reader
 * accepts, upgraded in memory by the same chain) recorded in date order. Every file is read and checked
 * before the first is recorded, so a bad file leaves the history as it was.
 */

const importedFindingSchema = reportFindingSchema
  .pick({ id: true, ruleId: true, severity: true, accountId: true, resourceArn: true, subject: true })
  .extend({
    waiver: z.unknown().optional(),
    baselineState: reportFindingSchema.shape.baselineState,
  });

const count = z.number().int().min(0);
const importedReportSchema = z.looseObject({
  tool: z.looseObject({ version: z.string() }),
  scan: scanSummarySchema.pick({
    now: true,
    source: true,
    organizationId: true,
    accounts: true,
    complete: true,
  }),
  summary: reportSummarySchema.pick({ total: true, bySeverity: true, waived: true }),
  inventory: z.looseObject({
    accounts: z.array(
      z.looseObject({
        accountId: z.string(),
        iamUsers: count.optional(),
        humanIamUsers: count.optional(),
        identityCenterUsers: count.optional(),
        activeAccessKeys: count.optional(),
      }),
    ),
  }),
  findings: z.array(z.unknown()),
});

interface ReadReport {
  record: ScanRecord;
}

async function readReport(path: string): Promise<ReadReport> {
  const findings: RecordedFinding[] = [];
  let findingError: string | null = null;
  const take = (value: unknown, index: number) => {
    if (findingError) return;
    const parsed = importedFindingSchema.safeParse(value);
    if (!parsed.success) {
      findingError = describeZodError(path, parsed.error, ['findings', index]);
      return;
    }
    const f = parsed.data;
    if (f.baselineState === 'absent') return;
    findings.push({
      id: f.id,
      ruleId: f.ruleId,
      severity: f.severity,
      accountId: f.accountId,
      resourceArn: f.resourceArn,
      subject: f.subject,
      waived: f.waiver !== undefined,
    });
  };
  const read = await readVersionedArrayStream(path, 'findings', REPORT_VERSIONS, take);
  const document = upgradeToCurrent(read.document, path, REPORT_VERSIONS);
  const parsed = importedReportSchema.safeParse(document);
  if (!parsed.success) throw new InputError(describeZodError(path, parsed.error));
  // Upgraded from an older version: the findings are in the document.
  if (!read.streamed) parsed.data.findings.forEach(take);
  if (findingError) throw new InputError(findingError);
  const report = parsed.data;
  const record = scanRecordOfModel(
    {
      schemaVersion: 0,
      tool: { name: 'keysweep', version: report.tool.version },
      scan: { ...report.scan, collectedAt: report.scan.now, managementAccountId: null, organizationGaps: [] },
      summary: { ...report.summary, byRule: {}, byAccount: {} },
      inventory: report.inventory,
      findings: [],
    } as unknown as Parameters<typeof scanRecordOfModel>[0],
    `import ${path}`,
  );
  record.findings = findings;
  return { record };
}

export interface ImportOutcome {
  path: string;
  takenAt: string;
  recorded: boolean;
  findings: number;
}

/** Reads every file (refusing the first bad one before recording any), then records them oldest first. */
export async function importReports(
  history: HistoryFile,
  paths: readonly string[],
): Promise<ImportOutcome[]> {
  const checked: Array<{ path: string; takenAt: string; organizationId: string | null }> = [];
  for (const path of paths) {
    const { record } = await readReport(path);
    checked.push({ path, takenAt: record.takenAt, organizationId: record.organizationId });
  }
  checked.sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt) || a.path.localeCompare(b.path));
  const recorded = guarded(history.path, () =>
    history.db.prepare('SELECT taken_at, organization_id FROM scans').all(),
  );
  const seen = new Set(recorded.map((r) => `${r.organization_id ?? ''}\n${r.taken_at}`));
  const outcomes: ImportOutcome[] = [];
  for (const { path, takenAt, organizationId } of checked) {
    const key = `${organizationId ?? ''}\n${takenAt}`;
    if (seen.has(key)) {
      outcomes.push({ path, takenAt, recorded: false, findings: 0 });
      continue;
    }
    // Read again (not kept from the check): a year of weekly reports does not fit in memory at once.
    const { record } = await readReport(path);
    const findings = (record.findings as RecordedFinding[]).length;
    recordScan(history, record);
    seen.add(key);
    outcomes.push({ path, takenAt, recorded: true, findings });
  }
  return outcomes;
}
