import type { FindingList } from '../model/finding-list.js';
import type { MigrationEntry, MigrationTableEntry } from '../model/report-file.js';
import type { ReportFinding } from '../model/report-schema.js';
import { SpooledFindings, spooledListOf } from './spooled-findings.js';

/**
 * The spool's side of report.json: the parts of it the spool stored, so the JSON writer writes a large
 * report without reading every finding again. A finding list knows nothing of this; the writer asks here,
 * and where the spool cannot give a part (a list that is not a spool, a finding it did not make) it
 * builds the part itself.
 */
export interface StoredReportLines {
  /** report.json's migrations table (each resource's first advice in report order, as JSON), from the columns. */
  migrationTable(): Iterable<MigrationTableEntry>;
  /**
   * A finding as one line of report.json (what the JSON writer's findingLine makes of it against
   * `migrations`, byte for byte), or undefined where the stored line will not do.
   */
  reportFileLine(finding: ReportFinding, migrations: ReadonlyMap<string, MigrationEntry>): string | undefined;
}

/** The migrations table the spool stored, when `findings` is a spool itself (a view may add or change advice). */
export function storedMigrationTable(findings: FindingList): Iterable<MigrationTableEntry> | undefined {
  return findings instanceof SpooledFindings ? findings.migrationTable() : undefined;
}

/**
 * report.json's line of a finding from the line its spool stored, whatever list it came through (a
 * waiver or baseline view passes the spool's own findings on unchanged); undefined for any other finding.
 */
export function storedReportFileLine(
  finding: ReportFinding,
  migrations: ReadonlyMap<string, MigrationEntry>,
): string | undefined {
  return spooledListOf(finding)?.reportFileLine(finding, migrations);
}
