import type { MigrationAdvice } from '../../findings/finding.js';
import type { JsonDocument, Upgrade, VersionChain } from '../../inventory/versions/upgrade-chain.js';
import { compactFindingRecord } from '../model/report-file.js';
import { REPORT_SCHEMA_VERSION } from '../model/report-schema.js';

type RuleRecord = { id?: unknown; title?: string; remediation?: { console: string[]; cli: string[] } };

/** v1 repeated rule-level text in every finding; v2 keeps it once per rule in `rules[]`. */
export const upgradeReportV1ToV2: Upgrade = (document: JsonDocument) => {
  const rules = new Map<unknown, RuleRecord>(
    (Array.isArray(document.rules) ? (document.rules as RuleRecord[]) : []).map((rule) => [rule.id, rule]),
  );
  const findings = Array.isArray(document.findings) ? (document.findings as Record<string, unknown>[]) : [];
  return {
    ...document,
    schemaVersion: 2,
    findings: findings.map((finding) =>
      typeof finding === 'object' && finding !== null
        ? compactFindingRecord(
            finding,
            rules.get(finding.ruleId) as Parameters<typeof compactFindingRecord>[1],
          )
        : finding,
    ),
  };
};

/**
 * v2 repeated each resource's migration advice in every finding on it and kept fix steps filled in
 * from the rule; v3 keeps the advice once per resource in `migrations` and drops filled-in steps.
 */
export const upgradeReportV2ToV3: Upgrade = (document: JsonDocument) => {
  const rules = new Map<unknown, RuleRecord>(
    (Array.isArray(document.rules) ? (document.rules as RuleRecord[]) : []).map((rule) => [rule.id, rule]),
  );
  const findings = Array.isArray(document.findings) ? (document.findings as Record<string, unknown>[]) : [];
  const migrations: Record<string, MigrationAdvice> = {};
  for (const finding of findings) {
    const arn = finding?.resourceArn;
    const migration = (finding?.advice as { migration?: MigrationAdvice } | undefined)?.migration;
    if (typeof arn === 'string' && migration !== undefined && !(arn in migrations))
      migrations[arn] = migration;
  }
  const { findings: _findings, ...rest } = document;
  return {
    ...rest,
    schemaVersion: 3,
    migrations,
    findings: findings.map((finding) =>
      typeof finding === 'object' && finding !== null
        ? compactFindingRecord(
            finding,
            rules.get(finding.ruleId) as Parameters<typeof compactFindingRecord>[1],
            typeof finding.resourceArn === 'string' ? migrations[finding.resourceArn] : undefined,
          )
        : finding,
    ),
  };
};

/**
 * report.json upgrades (read back as --baseline): `n: fn` upgrades a version-n report to n + 1.
 * When the report schema changes, bump REPORT_SCHEMA_VERSION and register the migration here.
 */
export const REPORT_UPGRADES: Record<number, Upgrade> = {
  1: upgradeReportV1ToV2,
  2: upgradeReportV2ToV3,
};

export const REPORT_VERSIONS: VersionChain = {
  kind: 'report',
  first: 1,
  current: REPORT_SCHEMA_VERSION,
  upgrades: REPORT_UPGRADES,
  looksLike: (document) => 'findings' in document,
};
