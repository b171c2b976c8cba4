import { existsSync } from 'node:fs';
import { computeTrend } from '../history/compute-trend.js';
import { type HistoryFile, openHistory } from '../history/history-file.js';
import { loadSqlite } from '../history/node-sqlite.js';
import { recordScan } from '../history/record-scan.js';
import { scanRecordOfModel } from '../history/scan-record.js';
import type { TrendReport } from '../history/trend-model.js';
import type { ReportModel } from '../report/model/report-model.js';
import { historyPathOf } from './history-option.js';
import { checkOutputFile } from './validate-output-location.js';

/**
 * scan --history FILE (or KEYSWEEP_HISTORY): the file is opened and checked before the scan starts (a bad
 * file is exit 2 before any AWS call), the scan is recorded once its model exists, and the trend (this
 * scan included) goes to report.md and report.html when those are written.
 */
export async function openScanHistory(
  flag: string | undefined,
  cwd: string,
): Promise<ScanHistory | undefined> {
  const path = historyPathOf(flag, cwd);
  if (path === undefined) return undefined;
  const label = flag !== undefined ? '--history' : 'KEYSWEEP_HISTORY';
  if (existsSync(path)) return new ScanHistory(await openHistory(path, { create: true, label }));
  // A new file is created only when there is a scan to record: a scan refused later writes nothing.
  await loadSqlite(`${label} (a SQLite file)`);
  await checkOutputFile(label, path);
  return new ScanHistory(() => openHistory(path, { create: true, label }));
}

export class ScanHistory {
  #file: HistoryFile | undefined;
  readonly #open: (() => Promise<HistoryFile>) | undefined;

  constructor(file: HistoryFile | (() => Promise<HistoryFile>)) {
    if (typeof file === 'function') this.#open = file;
    else this.#file = file;
  }

  /** Records the scan; returns the trend (this scan included) when a report shows it. */
  async record(model: ReportModel, withTrend: boolean): Promise<TrendReport | undefined> {
    this.#file ??= await this.#open!();
    recordScan(this.#file, scanRecordOfModel(model, 'scan'));
    return withTrend ? computeTrend(this.#file, { accounts: [], ous: [], since: null }) : undefined;
  }

  close(): void {
    this.#file?.close();
  }
}
