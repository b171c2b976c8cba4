import type { Severity } from '../findings/severity.js';

/** What `keysweep trend` reports (JSON output is this object; md, csv and html render it). */
export interface TrendCounts {
  /** Accounts in this row (the organization row: accounts selected and present in the scan). */
  accounts: number;
  accountsComplete: number;
  iamUsers: number | null;
  /** IAM users of people: the ones still to migrate. */
  humanIamUsers: number | null;
  /** People who reach the account(s) through Identity Center (summed over accounts). */
  identityCenterUsers: number | null;
  activeKeys: number | null;
  keysOverLimit: number;
  /** Accounts whose root user still has credentials. */
  rootCredentials: number;
  open: Record<Severity, number>;
  openTotal: number;
  /** Since the previous scan (the first scan of a history: everything is new). */
  new: number;
  fixed: number;
  reopened: number;
  /** Days from first seen to fixed, for the findings fixed at this scan; null when none was. */
  medianDaysToFix: number | null;
}

export interface TrendScan extends TrendCounts {
  takenAt: string;
  complete: boolean;
  recordedFrom: string;
}

export interface TrendAccount {
  accountId: string;
  name: string;
  ouPath: string[];
  /** One entry per scan of `scans` (same order); null when the account was not in that scan. */
  series: Array<TrendCounts | null>;
}

export interface TrendProjection {
  /** IAM users of people removed per week over the recent scans used. */
  perWeek: number;
  /** From when to when the rate was measured. */
  basisFrom: string;
  basisTo: string;
  /** The day the last IAM user of a person would go at that rate; null when the count does not fall. */
  finishDate: string | null;
  /** One sentence, always saying it is a projection. */
  statement: string;
}

export interface TrendReport {
  kind: 'keysweep-trend';
  filter: { accounts: string[]; ous: string[]; since: string | null };
  scans: TrendScan[];
  accounts: TrendAccount[];
  burndown: {
    firstHumanIamUsers: number | null;
    latestHumanIamUsers: number | null;
    projection: TrendProjection | null;
    /** Median days to fix over every fix in the scans shown. */
    medianDaysToFix: number | null;
  };
}
