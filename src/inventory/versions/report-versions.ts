import { REPORT_SCHEMA_VERSION } from '../../reporters/model/report-schema.js';
import type { Upgrade, VersionChain } from './upgrade-chain.js';

/**
 * report.json upgrades (read back as --baseline): `n: fn` upgrades a version-n report to n + 1.
 * When the report schema changes, bump REPORT_SCHEMA_VERSION and register the migration here.
 */
export const REPORT_UPGRADES: Record<number, Upgrade> = {};

export const REPORT_VERSIONS: VersionChain = {
  kind: 'report',
  first: 1,
  current: REPORT_SCHEMA_VERSION,
  upgrades: REPORT_UPGRADES,
  looksLike: (document) => 'findings' in document,
};
