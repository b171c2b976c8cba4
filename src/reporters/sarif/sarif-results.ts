import { findingId } from '../../findings/finding.js';
import type { ReportFinding } from '../../report/model/report-model.js';
import { artifactUriForArn } from './artifact-location.js';
import type { SarifLocation, SarifResult } from './sarif-log.js';
import { sarifLevel } from './sarif-rules.js';

export function resourceLocation(resourceArn: string, accountId: string, name: string): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUriForArn(resourceArn, accountId) },
      region: { startLine: 1 },
    },
    logicalLocations: [{ name, fullyQualifiedName: resourceArn, kind: 'resource' }],
  };
}

/**
 * One finding → one result. The fingerprint is recomputed from rule id, ARN and subject only, so a key
 * getting older (a detail) never makes GitHub open a new alert and close the old one.
 */
export function findingResult(finding: ReportFinding, ruleIndex: number): SarifResult {
  const migration = finding.advice.migration?.summary;
  const text = migration ? `${finding.message} ${migration}` : finding.message;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    kind: 'fail',
    message: { text },
    locations: [resourceLocation(finding.resourceArn, finding.accountId, resourceName(finding.resourceArn))],
    partialFingerprints: {
      primaryLocationLineHash: findingId(finding.ruleId, finding.resourceArn, finding.subject),
    },
    ...(finding.baselineState ? { baselineState: finding.baselineState } : {}),
    ...(finding.waiver
      ? {
          suppressions: [
            {
              kind: 'external' as const,
              status: 'accepted' as const,
              justification: finding.waiver.reason,
              properties: { owner: finding.waiver.owner, expires: finding.waiver.expires },
            },
          ],
        }
      : {}),
    properties: {
      resourceArn: finding.resourceArn,
      accountId: finding.accountId,
      resourceType: finding.resourceType,
      subject: finding.subject,
      severity: finding.severity,
      findingId: finding.id,
      advice: finding.advice.summary,
      ...(finding.advice.migration ? { migrationKind: finding.advice.migration.kind } : {}),
      details: finding.details,
    },
  };
}

/** The last path or colon part of an ARN: a user name, `root`, a permission set id. */
export function resourceName(resourceArn: string): string {
  const resource = resourceArn.split(':').slice(5).join(':');
  const last = resource.split(/[/:]/).filter(Boolean).pop();
  return last ?? resourceArn;
}
