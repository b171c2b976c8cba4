import { SEVERITIES, type Severity } from '../findings/severity.js';
import type { ReportFinding, ReportModel } from '../report/model/report-schema.js';

/*
 * What one scan leaves in the history: taken from the report model (a scan) or a report.json (import), so
 * both paths record the same facts, computed by the report's own code (inventory statistics, finding
 * ids), not a second implementation.
 */

/** The finding rules whose findings count as "keys over the age limit" and "root credentials present". */
export const KEY_AGE_RULE = 'iam-access-key-max-age';
export const ROOT_CREDENTIAL_RULES: ReadonlySet<string> = new Set([
  'root-access-keys-exist',
  'root-member-credentials-present',
]);

export interface ScanRecordAccount {
  accountId: string;
  name: string;
  ouPath: string[];
  status: string;
  /** null when the report does not say (an account the inventory statistics do not list). */
  iamUsers: number | null;
  humanIamUsers: number | null;
  identityCenterUsers: number | null;
  activeKeys: number | null;
}

/** The part of a finding the history keeps. */
export type RecordedFinding = Pick<
  ReportFinding,
  'id' | 'ruleId' | 'accountId' | 'resourceArn' | 'subject' | 'severity'
> & { waived: boolean };

export interface ScanRecord {
  takenAt: string;
  /** "scan", or "import FILE". */
  recordedFrom: string;
  toolVersion: string;
  source: string;
  organizationId: string | null;
  complete: boolean;
  summary: { total: number; bySeverity: Record<Severity, number>; waived: number };
  accounts: ScanRecordAccount[];
  /** Read once, while recording (a spooled list is read from disk). */
  findings: Iterable<RecordedFinding>;
}

type InventoryAccount = {
  accountId: string;
  iamUsers?: number;
  humanIamUsers?: number;
  identityCenterUsers?: number;
  activeAccessKeys?: number;
};

export function scanRecordOfModel(
  model: Pick<ReportModel, 'scan' | 'tool' | 'summary'> & {
    inventory: { accounts: readonly InventoryAccount[] };
    findings: Iterable<ReportFinding>;
  },
  recordedFrom: string,
): ScanRecord {
  const stats = new Map(model.inventory.accounts.map((a) => [a.accountId, a]));
  return {
    takenAt: new Date(model.scan.now).toISOString(),
    recordedFrom,
    toolVersion: model.tool.version,
    source: model.scan.source,
    organizationId: model.scan.organizationId,
    complete: model.scan.complete,
    summary: {
      total: model.summary.total,
      bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, model.summary.bySeverity[s] ?? 0])) as Record<
        Severity,
        number
      >,
      waived: model.summary.waived,
    },
    accounts: model.scan.accounts.map((account) => {
      const s = stats.get(account.id);
      return {
        accountId: account.id,
        name: account.name,
        ouPath: account.ouPath,
        status: account.status,
        iamUsers: s?.iamUsers ?? null,
        humanIamUsers: s?.humanIamUsers ?? null,
        identityCenterUsers: s?.identityCenterUsers ?? null,
        activeKeys: s?.activeAccessKeys ?? null,
      };
    }),
    findings: presentFindings(model.findings),
  };
}

function* presentFindings(findings: Iterable<ReportFinding>): Generator<RecordedFinding> {
  for (const f of findings) {
    if (f.baselineState === 'absent') continue;
    yield {
      id: f.id,
      ruleId: f.ruleId,
      accountId: f.accountId,
      resourceArn: f.resourceArn,
      subject: f.subject,
      severity: f.severity,
      waived: f.waiver !== undefined,
    };
  }
}
