/** What each waiver did in one scan; lands in report.json so expired and stale waivers get noticed. */
export interface WaiverOutcome {
  /** Position in the waivers file, to find it again. */
  index: number;
  rule: string;
  resource: string;
  account: string | null;
  reason: string;
  owner: string | null;
  expires: string | null;
  /** active: applies; expired: past its date, no longer suppresses; unused: active but matched nothing. */
  status: 'active' | 'expired' | 'unused';
  /** Findings it matched (for an expired waiver: findings it would have matched). */
  matched: number;
}

export interface WaiverReport {
  file: string;
  entries: WaiverOutcome[];
}
